namespace Centrex.Invoicing.Payments;

/// <summary>The seed's words for each <see cref="DeclineReason"/>, as customers read them, and their wire names.</summary>
public static class DeclineReasons
{
    private static readonly string[] Names = ["incorrect-card-number", "incorrect-expiration-date", "incorrect-cardholder-name", "incorrect-security-code", "insufficient-funds", "declined-by-issuer", "address-verification-failed"];

    private static readonly string[] Texts =
    [
        "incorrect credit card number",
        "incorrect expiration date",
        "incorrect card holder name",
        "incorrect security code",
        "insufficient funds",
        "declined by the credit card company",
        "address verification failure",
    ];

    /// <summary>The wire name (<c>insufficient-funds</c>).</summary>
    public static string ToWireName(this DeclineReason reason) => Names[(int)reason];

    /// <summary>What the customer is told (<c>insufficient funds</c>).</summary>
    public static string ToText(this DeclineReason reason) => Texts[(int)reason];

    /// <summary>Parses a wire name.</summary>
    public static DeclineReason? Parse(string name)
    {
        var index = Array.IndexOf(Names, name);
        return index >= 0 ? (DeclineReason)index : null;
    }
}
