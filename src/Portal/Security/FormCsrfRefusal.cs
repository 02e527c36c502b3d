using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.Core.Infrastructure;

namespace Centrex.Portal.Security;

/// <summary>
/// What a page's form posted without its anti-forgery token (or with another session's) gets: 400 with a sentence
/// that says what to do, instead of Razor Pages' bare 400. Every page's POST handler is checked by Razor Pages itself
/// (the token is validated for every page handler unless a page opts out, which none does); this only words the refusal.
/// </summary>
public sealed class FormCsrfRefusal : IAlwaysRunResultFilter
{
    /// <summary>The refusal's text.</summary>
    public const string Message = "400: this form's anti-forgery token is missing or belongs to another session. Reload the page and send the form again.";

    public void OnResultExecuting(ResultExecutingContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Result is IAntiforgeryValidationFailedResult)
        {
            // Read by a person who just filled in a form: in the login's language.
            context.Result = new ContentResult { StatusCode = 400, Content = Localization.Translation.Of(context.HttpContext, Message), ContentType = "text/plain; charset=utf-8" };
        }
    }

    public void OnResultExecuted(ResultExecutedContext context)
    {
    }
}
