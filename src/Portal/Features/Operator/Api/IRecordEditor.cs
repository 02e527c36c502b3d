namespace Centrex.Portal.Features.Operator.Api;

/// <summary>
/// An operator page's editor of one kind of provisioning record (a customer, an account): what the page's form and the
/// record's API routes (<see cref="RecordRoutes{TEditor}"/>) both save through.
/// </summary>
public interface IRecordEditor
{
    /// <summary>
    /// Saves <paramref name="form"/> for <paramref name="source"/> (who made the change, as provisioning messages name it);
    /// <paramref name="creating"/> refuses an id that exists, else the record must exist. Returns the errors by field
    /// (<c>""</c>: about the whole), empty when saved. Editing, a field <paramref name="form"/> does not carry keeps the
    /// value stored when the change runs.
    /// </summary>
    Dictionary<string, string> Save(string source, IReadOnlyDictionary<string, string?> form, bool creating);
}
