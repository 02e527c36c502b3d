using Centrex.Rating.Money;
using NodaTime;

namespace Centrex.Provisioning.Model;

/// <summary>
/// A charge made once (seed 001: the $75 porting fee per number; a number's setup fee), billed on the invoice of the
/// month of <see cref="Date"/>, or as an adjustment on the next invoice when that month was invoiced already.
/// </summary>
/// <param name="Id">Unique id: billing charges each fee once by it, and credits it back if it is later changed.</param>
/// <param name="AccountId">The account (phone line) it is charged to.</param>
/// <param name="Date">The day it is charged, in the customer's zone.</param>
/// <param name="Kind">What it is for.</param>
/// <param name="Number">The phone number (E.164 digits) it concerns, or null.</param>
/// <param name="Description">What the invoice says.</param>
/// <param name="Amount">How much; positive.</param>
public sealed record OneOffFee(string Id, string AccountId, LocalDate Date, OneOffFeeKind Kind, string? Number, string Description, Mills Amount)
{
    /// <summary>Seed 001, LNP: "There is a $75 charge per number for porting."</summary>
    public static readonly Mills PortingFee = new(75_000);

    /// <summary>The amount of a kind when the record gives none (only porting has one); null when it must be given.</summary>
    public static Mills? DefaultAmount(OneOffFeeKind kind) => kind == OneOffFeeKind.Porting ? PortingFee : null;

    /// <summary>What the invoice says when the record gives no description.</summary>
    public static string DefaultDescription(OneOffFeeKind kind, string? number) => kind switch
    {
        OneOffFeeKind.Porting => number is null ? "Number porting fee" : $"Number porting fee (+{number})",
        OneOffFeeKind.NumberSetup => number is null ? "Number setup fee" : $"Number setup fee (+{number})",
        _ => "Fee",
    };
}
