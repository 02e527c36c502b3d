using Centrex.Portal.Localization;
using Centrex.Portal.Data;
using Centrex.Portal.Features.Operator.Api;
using Centrex.Provisioning.Model;
using Microsoft.AspNetCore.Mvc;

namespace Centrex.Portal.Features.Operator.Accounts;

/// <summary>
/// The operator creates, edits or suspends an account, a phone line (issue 16, operator pages: "Customers and
/// accounts"): saved by <see cref="AccountEditor"/> (the API's too), an import's refusal shown beside the field it names
/// (<see cref="RecordEditPage"/>).
/// </summary>
public sealed class EditModel(PortalData data, AccountEditor editor) : RecordEditPage(editor)
{
    /// <summary>The form's inputs, named as the provisioning JSON names them.</summary>
    public static string[] Fields => AccountEditor.Fields;

    public IReadOnlyList<Site> Sites => data.Provisioning.Current.Snapshot.Sites;

    protected override IReadOnlyList<string> FormFields => Fields;

    protected override string EditPath => "/operator/accounts/edit";

    public IActionResult OnGet(string? id, string? customer)
    {
        if (string.IsNullOrEmpty(id))
        {
            ShowNew(new(StringComparer.Ordinal) { ["customer"] = customer, ["type"] = "credit", ["credit_limit"] = "0.00", ["status"] = "active" });
            return Page();
        }

        return ShowExisting(id);
    }

    protected override Dictionary<string, string?>? FieldsOf(string id) =>
        data.Provisioning.Current.Account(id) is { } a ? AccountEditor.FieldsOf(a, data.Provisioning.Current) : null;

    protected override void Normalize(Dictionary<string, string?> form) =>
        form["requires_911"] = form["requires_911"] == "true" ? "true" : "false"; // an unticked box sends nothing

    protected override string Saved(string id) =>
        Form["status"] == "suspended"
            ? Translation.Of(HttpContext, "Account {0} saved: suspended (emergency calls only).", id)
            : Translation.Of(HttpContext, "Account {0} saved.", id);
}
