using Centrex.Portal.Data;
using Centrex.Portal.Features.Shared;
using Centrex.Provisioning.Model;

namespace Centrex.Portal.Features.Operator.Api;

/// <summary>
/// How an operator's <see cref="IRecordEditor"/> saves: the record is checked and built under the changes' lock from
/// the one stored then (<see cref="ProvisioningChanges.Apply"/>), so a field the form does not carry (a status change
/// carries the status alone) keeps its stored value and what was changed meanwhile (the customer's own settings) stays;
/// built from a record read before the lock, the operator's suspension was undone by a customer's change (review 16,
/// finding 1). The refusal is keyed by the field it names.
/// </summary>
internal static class RecordChange
{
    /// <summary>
    /// Saves what <paramref name="build"/> makes of provisioning as stored (null: refused, its reasons already in
    /// <paramref name="errors"/>); returns <paramref name="errors"/>, empty when saved.
    /// </summary>
    public static Dictionary<string, string> Save(ProvisioningChanges changes, string source, IReadOnlyCollection<string> fields, Dictionary<string, string> errors,
        Func<ProvisioningIndex, ProvisioningSnapshot?> build)
    {
        var result = changes.Apply(source, build);
        if (!result.Done && result.Message is not null)
        {
            errors[RefusalField.Of(result, fields)] = result.Message;
        }

        return errors;
    }
}
