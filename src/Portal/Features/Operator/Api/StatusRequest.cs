namespace Centrex.Portal.Features.Operator.Api;

/// <summary>A status change of a customer or an account: <c>active</c> or <c>suspended</c>.</summary>
/// <param name="Status">The new status.</param>
public sealed record StatusRequest(string? Status);
