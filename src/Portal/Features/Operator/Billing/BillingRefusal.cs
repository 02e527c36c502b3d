using Centrex.Invoicing.Cycle;
using Centrex.Portal.Localization;
using Centrex.Provisioning;
using Microsoft.AspNetCore.Http;

namespace Centrex.Portal.Features.Operator.Billing;

/// <summary>
/// A billing run or reissue refused, as the billing page shows it next to its field: the refusal's English message and
/// <c>; nothing was changed</c>, the API's words, noted with the refusal's code (<see cref="BillingErrors"/>, or
/// provisioning's) so that a French page says all of it in French (seed 004's portal is used in French in Quebec).
/// </summary>
public static class BillingRefusal
{
    /// <summary>The message shown for <paramref name="refusal"/> (a <see cref="BillingException"/> or a <see cref="ProvisioningException"/>).</summary>
    public static string Of(HttpContext context, Exception refusal)
    {
        ArgumentNullException.ThrowIfNull(refusal);
        var message = refusal.Message + "; nothing was changed";
        CodedRefusal? coded = refusal switch
        {
            BillingException { Code: { } code } b => Refusals.Coded(b.Message, code, b.Message, b.Arguments),
            ProvisioningException { Code: { } code } p => Refusals.Coded(p.Message, code, p.Detail!, p.Arguments),
            _ => null,
        };

        if (coded is not null)
        {
            Refusals.Note(context, "nothing-changed", message, coded);
        }

        return message;
    }
}
