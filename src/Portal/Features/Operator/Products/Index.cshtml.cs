using Centrex.Portal.Localization;
using System.Security.Claims;
using Centrex.Portal.Data;
using Centrex.Portal.Features.Shared;
using Centrex.Portal.Security;
using Centrex.Provisioning.Model;
using Centrex.Rating.Money;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Centrex.Portal.Features.Operator.Products;

/// <summary>
/// Products and discount plans (issue 16, operator pages): the plans lines subscribe to, listed, created and changed
/// (name, monthly fee, free minutes, setup fee) through provisioning's validation; the volume discount plans listed
/// with their thresholds, each edited on its own page (<see cref="DiscountPlanModel"/>).
/// </summary>
public sealed class IndexModel(PortalData data, ProvisioningChanges changes) : PageModel
{
    public static readonly string[] Fields = ["id", "name", "monthly_fee", "free_north_america_minutes", "setup_fee"];

    public Dictionary<string, string> Errors { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, string?> Form { get; } = new(StringComparer.Ordinal);

    public IReadOnlyList<Product> Products => data.Provisioning.Current.Snapshot.Products;

    public IReadOnlyList<DiscountPlanRecord> DiscountPlans => data.Provisioning.Current.Snapshot.DiscountPlans;

    /// <summary>The products table's sortable columns.</summary>
    public static TableSort<Product> Sorting { get; } = new("id", defaultDescending: false,
    [
        ("id", p => p.Id), ("name", p => p.Name), ("monthly_fee", p => p.MonthlyFee.Value), ("free_minutes", p => p.FreeNorthAmericaMinutes), ("setup_fee", p => p.SetupFee.Value),
    ]);

    /// <summary>The discount plans table's sortable columns, under <c>plan_sort</c>/<c>plan_dir</c> so both tables keep their order.</summary>
    public static TableSort<DiscountPlanRecord> PlanSorting { get; } = new("id", defaultDescending: false,
    [
        ("id", d => d.Plan.Id), ("name", d => d.Plan.Name), ("group", d => d.Plan.Group.Name), ("basis", d => d.Plan.Basis.ToString()),
        ("precedence", d => d.Plan.Precedence), ("combinable", d => d.Plan.Combinable),
    ], prefix: "plan_");

    /// <summary>The page of products shown, in the URL's order.</summary>
    public Paged<Product> Result => field ??= Sorting.Page(Request.Query, Products);

    /// <summary>The page of discount plans shown, in the URL's order.</summary>
    public Paged<DiscountPlanRecord> Plans => field ??= PlanSorting.Page(Request.Query, DiscountPlans);

    /// <summary>The currencies <paramref name="productId"/>'s fees are charged in (its subscribers'), whose decimals its amounts are shown and read with.</summary>
    public ChargedCurrencies CurrenciesOf(string productId) => new(data.Provisioning.Current.CurrenciesOfProduct(productId));

    /// <summary>A discount plan's currencies (its lines' customers'), for its money thresholds.</summary>
    public ChargedCurrencies CurrenciesOfPlan(string planId) => new(data.Provisioning.Current.CurrenciesOfDiscountPlan(planId));

    public void OnGet(string? edit)
    {
        if (edit is not null && Products.FirstOrDefault(p => p.Id == edit) is { } p)
        {
            var currencies = CurrenciesOf(p.Id);
            (Form["id"], Form["name"], Form["monthly_fee"]) = (p.Id, p.Name, currencies.Input(p.MonthlyFee));
            (Form["free_north_america_minutes"], Form["setup_fee"]) = (p.FreeNorthAmericaMinutes.ToString(System.Globalization.CultureInfo.InvariantCulture), currencies.Input(p.SetupFee));
        }
    }

    public IActionResult OnPost()
    {
        foreach (var f in Fields)
        {
            Form[f] = Request.Form[f].ToString().Trim();
        }

        if (string.IsNullOrEmpty(Form["id"]) || Form["id"]!.Length > 64)
        {
            Errors["id"] = "an id of 1 to 64 characters";
        }

        if (string.IsNullOrEmpty(Form["name"]))
        {
            Errors["name"] = "the name invoices show";
        }

        var fee = Money("monthly_fee", required: true);
        var setup = Money("setup_fee", required: false);
        var minutes = FormValues.Number(Form["free_north_america_minutes"], "free_north_america_minutes", "whole minutes, 0 or more", Errors) ?? 0;
        if (minutes > int.MaxValue)
        {
            Errors["free_north_america_minutes"] = "whole minutes, 0 or more";
        }

        if (Errors.Count > 0)
        {
            return Page();
        }

        var product = new Product(Form["id"]!, Form["name"]!, fee, (int)minutes, setup);
        var result = changes.Apply($"portal ({User.FindFirstValue(PortalClaims.Login)})", _ => ProvisioningSnapshot.Empty with { Products = [product] });
        if (!result.Done)
        {
            Errors[RefusalField.Of(result, Fields)] = result.Message!;
            return Page();
        }

        TempData["Saved"] = Translation.Of(HttpContext, "Product {0} saved.", product.Id);
        return RedirectToPage();
    }

    // In the decimals of the currencies the product is charged in (its subscribers'): a yen subscriber's fee is whole.
    private Mills Money(string field, bool required)
    {
        var text = Form[field] ?? string.Empty;
        if (text.Length == 0 && !required)
        {
            return Mills.Zero;
        }

        // A negative fee is provisioning's to refuse, with import's message.
        return CurrenciesOf(Form["id"] ?? string.Empty).Read(text, field, new Mills(19_990), Errors, HttpContext, allowSign: true) ?? Mills.Zero;
    }
}
