namespace Centrex.Provisioning;

/// <summary>
/// A phrase given as a value of a coded refusal (<see cref="ProvisioningException.Arguments"/>): written in English
/// where the message is (<see cref="ToString"/>, so the command line and the API answer as before), and worded by the
/// portal in the login's language from its resource <see cref="Key"/> (issue 16), so a refusal whose reason is one of
/// several (a loopback or a private address, an extension or a hunt group) is shown in one language whole.
/// </summary>
/// <param name="Key">The resource that words it (<c>phrase.forward-loopback</c>).</param>
/// <param name="English">The phrase as the English message has it.</param>
public sealed record RefusalPhrase(string Key, string English)
{
    /// <summary>The English phrase: what the message is made of.</summary>
    public override string ToString() => English;
}
