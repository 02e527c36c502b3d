using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Centrex.Portal.Features.Operator.Password;

/// <summary>
/// The former My password page: the password is changed on My Profile now (one page, as the customer's My Profile has
/// it), so a bookmark of this address is sent there, to its password section, for good (301). The API route
/// <c>PUT /api/v1/operator/password</c> is unchanged.
/// </summary>
public sealed class IndexModel : PageModel
{
    public IActionResult OnGet() => RedirectPermanent("/operator/profile#password");
}
