using Centrex.Portal.Localization;
using Centrex.Portal.Data;
using Centrex.Portal.Features.Operator.Api;
using Centrex.Provisioning.Model;
using Microsoft.AspNetCore.Mvc;

namespace Centrex.Portal.Features.Operator.Customers;

/// <summary>
/// The operator creates, edits or suspends a customer (issue 16, operator pages: "Customers and accounts (create, edit,
/// suspend)"): the fields of provisioning's customer record, saved by <see cref="CustomerEditor"/> (the API's too), an
/// import's refusal shown beside the field it names (<see cref="RecordEditPage"/>).
/// </summary>
public sealed class EditModel(PortalData data, CustomerEditor editor) : RecordEditPage(editor)
{
    /// <summary>The form's inputs, named as the provisioning JSON names them.</summary>
    public static string[] Fields => CustomerEditor.Fields;

    /// <summary>The customer's lines (an existing customer's), to edit from here.</summary>
    public IReadOnlyList<Account> Lines => Existing && Form.GetValueOrDefault("id") is { } id && data.Provisioning.Current.Customer(id) is not null
        ? data.Provisioning.Current.ForCustomer(id).Accounts : [];

    protected override IReadOnlyList<string> FormFields => Fields;

    protected override string EditPath => "/operator/customers/edit";

    public IActionResult OnGet(string? id)
    {
        if (string.IsNullOrEmpty(id))
        {
            ShowNew(CustomerEditor.Blank());
            return Page();
        }

        return ShowExisting(id);
    }

    protected override Dictionary<string, string?>? FieldsOf(string id) =>
        data.Provisioning.Current.Customer(id) is { } c ? CustomerEditor.FieldsOf(c) : null;

    protected override string Saved(string id) => Form["status"] == "suspended"
        ? Translation.Of(HttpContext, "Customer {0} saved: suspended (its lines make and receive emergency calls only, its logins are refused).", id)
        : Translation.Of(HttpContext, "Customer {0} saved.", id);
}
