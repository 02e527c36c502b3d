using System.Reflection;
using Centrex.Rating.Money;

namespace Centrex.Rating.Tests;

/// <summary>Rules checked by reflection over the whole assembly (NodaTime's MutabilityTest habit).</summary>
public class ConventionTests
{
    private static readonly Assembly Rating = typeof(Mills).Assembly;

    [Fact]
    public void MoneyTypes_AreReadonlyStructsOverLong()
    {
        foreach (var type in new[] { typeof(Mills), typeof(MicroDollars) })
        {
            Assert.True(type.IsValueType, $"{type.Name} is a struct");
            Assert.NotNull(type.GetCustomAttribute<System.Runtime.CompilerServices.IsReadOnlyAttribute>());
            var fields = type.GetFields(BindingFlags.Instance | BindingFlags.NonPublic | BindingFlags.Public);
            Assert.Equal(typeof(long), Assert.Single(fields).FieldType);
        }
    }

    [Fact]
    public void RatingAssembly_HasNoFloatingPointFieldsOrProperties()
    {
        var floating = new[] { typeof(double), typeof(float), typeof(Half) };
        var offenders = Rating.GetTypes()
            .SelectMany(t => t.GetFields(BindingFlags.Instance | BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly)
                .Where(f => floating.Contains(f.FieldType)).Select(f => $"{t.FullName}.{f.Name}")
                .Concat(t.GetProperties(BindingFlags.Instance | BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly)
                    .Where(p => floating.Contains(p.PropertyType)).Select(p => $"{t.FullName}.{p.Name}")))
            .ToList();
        Assert.Empty(offenders);
    }
}
