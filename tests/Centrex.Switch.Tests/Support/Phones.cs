using System.Net;

namespace Centrex.Switch.Tests.Support;

/// <summary>
/// Several <see cref="TestPhone"/>s of one switch, made and disposed together, taken apart by deconstruction:
/// <c>using var phones = new Phones(fixture.Endpoint, Alice, Bob); var (alice, bob) = phones;</c>.
/// </summary>
internal sealed class Phones : IDisposable
{
    private readonly TestPhone[] _phones;

    public Phones(IPEndPoint target, params string[] users) => _phones = [.. users.Select(user => new TestPhone(target, user))];

    public TestPhone this[int index] => _phones[index];

    public void Deconstruct(out TestPhone first, out TestPhone second) => (first, second) = (_phones[0], _phones[1]);

    public void Deconstruct(out TestPhone first, out TestPhone second, out TestPhone third) =>
        (first, second, third) = (_phones[0], _phones[1], _phones[2]);

    public void Deconstruct(out TestPhone first, out TestPhone second, out TestPhone third, out TestPhone fourth, out TestPhone fifth) =>
        (first, second, third, fourth, fifth) = (_phones[0], _phones[1], _phones[2], _phones[3], _phones[4]);

    public void Dispose()
    {
        foreach (var phone in _phones)
        {
            phone.Dispose();
        }
    }
}
