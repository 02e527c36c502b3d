using System.Globalization;
using Centrex.Switch.Clock;
using Centrex.Switch.Provisioning;
using Centrex.Switch.Sip;
using Centrex.Switch.Transactions;
using NodaTime;

namespace Centrex.Switch.Registration;

/// <summary>
/// The registrar (RFC 3261 §10.3) with digest authentication. One active device per account (seed 004: a phone
/// line is one device): a REGISTER from a new contact that authenticates replaces the previous binding, so the
/// phone that registered last gets the calls. Bindings expire on the switch clock; Expires 0 or '*' removes them.
/// A REGISTER is authenticated before it gets a transaction (<c>B2bua.TryAdmit</c>: the 401 challenge is stateless),
/// so what reaches <see cref="OnRegister"/> carries its account.
/// </summary>
internal sealed class Registrar(ISwitchClock clock)
{
    private readonly Dictionary<string, Binding> _bindings = new(StringComparer.Ordinal);

    public const int MinExpires = 60;
    public const int MaxExpires = 3600;
    public const int DefaultExpires = 3600;

    public int Count => _bindings.Count;

    /// <summary>The accounts whose binding has not expired.</summary>
    public List<string> Accounts()
    {
        var now = clock.Now;
        return [.. _bindings.Where(b => b.Value.Expires > now).Select(b => b.Key)];
    }

    /// <summary>The account's live binding, dropping it if it has expired.</summary>
    public Binding? Lookup(string accountId)
    {
        if (!_bindings.TryGetValue(accountId, out var binding))
        {
            return null;
        }

        if (binding.Expires <= clock.Now)
        {
            _bindings.Remove(accountId);
            return null;
        }

        return binding;
    }

    /// <summary>
    /// Provisioning replaced the directory: drops the bindings of accounts the switch no longer serves and of accounts
    /// whose credentials changed (user name, either HA1, or the realm they are hashed with), and returns how many. A
    /// registration is a standing permission to receive calls, granted for the credentials that were checked: when
    /// they change (typically because they leaked), the device that proved the old ones must prove the new ones
    /// before it gets another call, not keep ringing until its binding expires up to an hour later. The binding of an
    /// account that now belongs to another partition (provisioning moved it to another customer) leaves this one
    /// without being counted: it goes to <paramref name="movedOut"/>, for the switch to hand to the account's new
    /// partition (<see cref="Adopt"/>), so calls to it are not answered 480 until the phone registers again.
    /// </summary>
    /// <param name="previous">The directory before the change.</param>
    /// <param name="next">The directory now.</param>
    /// <param name="ownedHere">Whether an account of <paramref name="next"/> belongs to this registrar's partition; null: every one.</param>
    /// <param name="movedOut">Receives the bindings of accounts that moved to another partition.</param>
    public int Forget(ISwitchDirectory previous, ISwitchDirectory next, Func<SwitchAccount, bool>? ownedHere = null, List<Binding>? movedOut = null)
    {
        var realmChanged = !string.Equals(previous.Realm, next.Realm, StringComparison.Ordinal);
        List<string>? gone = null;
        List<string>? moved = null;
        foreach (var (accountId, binding) in _bindings)
        {
            var now = next.FindAccount(accountId);
            var before = previous.FindAccount(accountId);
            if (realmChanged || now is null || before is null || now.Id != accountId || now.Username != before.Username
                || now.Ha1Md5 != before.Ha1Md5 || now.Ha1Sha256 != before.Ha1Sha256)
            {
                (gone ??= []).Add(accountId);
            }
            else if (ownedHere is not null && !ownedHere(now))
            {
                (moved ??= []).Add(accountId);
                movedOut?.Add(binding);
            }
        }

        foreach (var accountId in (gone ?? []).Concat(moved ?? []))
        {
            _bindings.Remove(accountId);
        }

        return gone?.Count ?? 0;
    }

    /// <summary>
    /// Takes over a binding another partition held for an account that moved here (<see cref="Forget"/>); one the
    /// phone made here since (it registered again after the move) is newer and stays.
    /// </summary>
    public void Adopt(Binding binding) => _bindings.TryAdd(binding.AccountId, binding);

    /// <summary>§10.3 step 4 (address of record): the To header must be a SIP URI (RFC 4475 §3.3.5 unksm2); else 400, unauthenticated.</summary>
    public static bool HasSipAddressOfRecord(SipMessage request) => request.To.Uri.Scheme is SipUriScheme.Sip or SipUriScheme.Sips;

    public void OnRegister(ServerTransaction transaction)
    {
        var request = transaction.Request;
        if (!HasSipAddressOfRecord(request))
        {
            transaction.Respond(400, "To is not a SIP or SIPS URI");
            return;
        }

        var account = transaction.UserState as SwitchAccount
            ?? throw new InvalidOperationException("a REGISTER reached the registrar without being authenticated");

        var headerExpires = ParseExpires(request[request.Find(SipHeaderKind.Expires)]);
        if (!request.HasContact)
        {
            RespondBindings(transaction, account.Id); // §10.3 step 6: a query.
            return;
        }

        if (request.ContactIsStar)
        {
            if (headerExpires != 0)
            {
                transaction.Respond(400, "Contact * needs Expires 0"); // §10.2.2
                return;
            }

            _bindings.Remove(account.Id);
            RespondBindings(transaction, account.Id);
            return;
        }

        var contact = request.Contact;
        var expires = ParseExpires(request[contact.Expires]) ?? headerExpires ?? DefaultExpires;
        var contactUri = request.Text(contact.Uri.Whole);
        if (expires == 0)
        {
            if (_bindings.TryGetValue(account.Id, out var existing) && existing.ContactUri == contactUri)
            {
                _bindings.Remove(account.Id);
            }

            RespondBindings(transaction, account.Id);
            return;
        }

        if (expires < MinExpires)
        {
            transaction.Respond(423, "Interval Too Brief", $"Min-Expires: {MinExpires}\r\n"); // §10.3 step 7
            return;
        }

        expires = Math.Min(expires, MaxExpires);
        var callId = request.Text(request.CallId);
        if (_bindings.TryGetValue(account.Id, out var current) && current.CallId == callId && current.CSeq >= request.CSeq
            && current.ContactUri == contactUri)
        {
            transaction.Respond(500, "Out of order REGISTER"); // §10.3 step 7: a lower CSeq in the same Call-ID.
            return;
        }

        var source = transaction.Source;
        _bindings[account.Id] = new Binding(account.Id, contactUri, source.Kind, source.Remote, source.Connection, callId,
            request.CSeq, clock.Now + Duration.FromSeconds(expires));
        RespondBindings(transaction, account.Id);
    }

    private void RespondBindings(ServerTransaction transaction, string accountId)
    {
        var binding = Lookup(accountId);
        var extra = binding is null ? null
            : $"Contact: <{binding.ContactUri}>;expires={(long)Math.Ceiling((binding.Expires - clock.Now).TotalSeconds)}\r\n";
        transaction.Respond(200, "OK", extra);
    }

    /// <summary>delta-seconds; values past 2**32-1 saturate (RFC 3261 §20.19 with RFC 4475 §3.1.2.4); null when absent or not digits.</summary>
    private static int? ParseExpires(ReadOnlySpan<byte> text)
    {
        text = text.Trim(" \t"u8);
        if (text.IsEmpty)
        {
            return null;
        }

        var value = SipNumbers.Parse(text, uint.MaxValue);
        return value == SipNumbers.TooLarge ? MaxExpires : value < 0 ? null : (int)Math.Min(value, int.MaxValue);
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{_bindings.Count} bindings");
}
