using Centrex.Ledger.Verification;
using Centrex.Portal.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Centrex.Portal.Features.Operator.Ledger;

/// <summary>The ledger's health (issue 16): journal position, last checkpoint, and <c>journal verify</c> on demand.</summary>
public sealed class IndexModel(PortalData data, LedgerVerifications verifications) : PageModel
{
    public PortalData Data => data;

    public VerificationReport? Report { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPost()
    {
        Report = await verifications.Run();
        return Page();
    }
}
