namespace Centrex.Provisioning;

/// <summary>
/// The codes of the reader's refusals of a record's fields and of a volume discount plan (the operator's discount-plan
/// form writes the plan as provisioning JSON and shows these next to its fields; issue 16, in the login's language).
/// </summary>
public static partial class ProvisioningErrors
{
    /// <summary><c>field "{0}" is empty</c></summary>
    public const string FieldEmpty = "field-empty";

    /// <summary><c>field "{0}" must be a whole number</c></summary>
    public const string FieldWholeNumber = "field-whole-number";

    /// <summary><c>field "{0}": '{1}' is not one of {2}</c></summary>
    public const string FieldOneOf = "field-one-of";

    /// <summary><c>field "{0}": '{1}' is not an amount with at most 3 decimals</c></summary>
    public const string FieldAmount = "field-amount";

    /// <summary><c>'{0}' is not a number class ({1})</c></summary>
    public const string NumberClass = "number-class";

    /// <summary><c>percent '{0}' is not 0 to 100 with at most 2 decimals</c></summary>
    public const string DiscountPercent = "discount-percent";

    /// <summary><c>discount plan '{0}' has no thresholds</c></summary>
    public const string DiscountNoThresholds = "discount-no-thresholds";

    /// <summary><c>discount plan '{0}': threshold {1} with {2} basis points is out of range</c></summary>
    public const string DiscountThresholdRange = "discount-threshold-range";

    /// <summary><c>discount plan '{0}' lists threshold {1} twice</c></summary>
    public const string DiscountThresholdTwice = "discount-threshold-twice";

    /// <summary><c>destination group '{0}' lists neither prefixes nor classes</c></summary>
    public const string DestinationGroupEmpty = "destination-group-empty";

    /// <summary><c>destination group '{0}': '{1}' is not an E.164 prefix (1 to 15 digits)</c></summary>
    public const string DestinationGroupPrefix = "destination-group-prefix";
}
