namespace Centrex.Provisioning.Model;

/// <summary>What a one-off fee is for. Persisted by name: <c>porting</c>, <c>number-setup</c>, <c>other</c>.</summary>
public enum OneOffFeeKind
{
    /// <summary>Porting a number in (seed 001, LNP: "There is a $75 charge per number for porting. This fee is non-refundable.").</summary>
    Porting,

    /// <summary>Setting up a number (seed 001: "the standard setup and monthly fees to purchase a new number").</summary>
    NumberSetup,

    /// <summary>Any other one-off charge the operator enters; it needs an amount and a description.</summary>
    Other,
}
