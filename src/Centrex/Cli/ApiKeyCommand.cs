using System.CommandLine;
using Centrex.Provisioning.Access;
using NodaTime;
using NodaTime.Text;

namespace Centrex.Cli;

/// <summary>
/// <c>centrex apikey create|list|revoke</c>: the keys the HTTP API of <c>serve</c> accepts (issue 13, item 5). The key's
/// text is printed once, by <c>create</c>, on standard output only; the data directory keeps its SHA-256. With
/// <c>--customer ID</c> the key is that customer's (scopes <c>me:read</c>, <c>me:write</c>): the operator hands a
/// customer's script a key without giving it a login.
/// </summary>
internal static class ApiKeyCommand
{
    public static Command Create(CliConsole console)
    {
        var createData = DataOption.Create();
        var scopes = new Option<string[]>("--scope")
        {
            Description = $"What the key may do (repeat for several): {string.Join(", ", ApiScope.All)}",
            Required = true,
            AllowMultipleArgumentsPerToken = false,
        };
        scopes.AcceptOnlyFromAmong([.. ApiScope.All]);
        var name = new Option<string>("--name") { Description = "A label for the key (who or what uses it)", DefaultValueFactory = _ => string.Empty };
        var customer = new Option<string?>("--customer")
        {
            Description = $"Bind the key to this customer: it opens that customer's /api/v1/me only, with scopes {string.Join(" and ", ApiScope.CustomerScopes)}",
        };
        var create = new Command("create", "Create an API key and print it (once: only its hash is kept).") { createData, scopes, name, customer };
        create.SetAction(parse => CreateKey(console, parse.GetRequiredValue(createData), parse.GetRequiredValue(scopes), parse.GetRequiredValue(name), parse.GetValue(customer)));

        var listData = DataOption.Create();
        var list = new Command("list", "List the API keys: id, label, scopes, created, revoked.") { listData };
        list.SetAction(parse => List(console, parse.GetRequiredValue(listData)));

        var revokeData = DataOption.Create();
        var id = new Argument<string>("ID") { Description = "The key's id (as apikey list shows it)" };
        var revoke = new Command("revoke", "Revoke an API key: serve refuses it from its next request.") { revokeData, id };
        revoke.SetAction(parse => Revoke(console, parse.GetRequiredValue(revokeData), parse.GetRequiredValue(id)));

        return new Command("apikey", "API keys for the HTTP API of serve.") { create, list, revoke };
    }

    private static int CreateKey(CliConsole console, string data, string[] scopes, string name, string? customer)
    {
        if (ApiKeyStore.Problem(scopes, customer) is { } problem)
        {
            console.Error.WriteLine($"centrex apikey create: {problem}");
            return ExitCodes.BadInput;
        }

        if (name.Length > ApiKeyStore.MaxName)
        {
            console.Error.WriteLine($"centrex apikey create: --name is at most {ApiKeyStore.MaxName} characters");
            return ExitCodes.BadInput;
        }

        if (customer is not null)
        {
            using var provisioning = Centrex.Provisioning.Store.ProvisioningStore.Open(data);
            if (!provisioning.Load().Customers.Any(c => c.Id == customer))
            {
                console.Error.WriteLine($"centrex apikey create: --customer '{customer}' is not a provisioned customer (centrex provision import)");
                return ExitCodes.BadInput;
            }
        }

        using var store = ApiKeyStore.Open(data);
        ApiKey key;
        string text;
        try
        {
            (key, text) = store.Create(name, scopes, SystemClock.Instance.GetCurrentInstant(), customer);
        }
        catch (ApiKeyLimitException e)
        {
            // The operator meets the same limits as the portal (ApiKeyStore.MaxActivePerCustomer, MaxActiveOthers).
            console.Error.WriteLine($"centrex apikey create: {e.Message}");
            return ExitCodes.BadInput;
        }

        console.Out.WriteLine(text);
        console.Error.WriteLine($"centrex apikey: created key {key.Id} ({string.Join(' ', key.Scopes)}{(customer is null ? string.Empty : $" for customer {customer}")}); it is shown only now: " +
            "send it as 'Authorization: Bearer KEY'");
        return ExitCodes.Success;
    }

    private static int List(CliConsole console, string data)
    {
        using var store = ApiKeyStore.Open(data);
        console.Out.WriteLine("id           created               revoked               scopes                          customer         name");
        foreach (var key in store.List())
        {
            console.Out.WriteLine(
                $"{key.Id,-12} {Format(key.Created),-21} {(key.Revoked is { } revoked ? Format(revoked) : "-"),-21} {string.Join(' ', key.Scopes),-31} {key.CustomerId ?? "-",-16} {key.Name}");
        }

        return ExitCodes.Success;
    }

    private static int Revoke(CliConsole console, string data, string id)
    {
        using var store = ApiKeyStore.Open(data);
        if (!store.Revoke(id, SystemClock.Instance.GetCurrentInstant()))
        {
            console.Error.WriteLine($"centrex apikey revoke: no key '{id}' that is not already revoked (see apikey list)");
            return ExitCodes.BadInput;
        }

        console.Error.WriteLine($"centrex apikey: revoked key {id}");
        return ExitCodes.Success;
    }

    private static string Format(Instant instant) => InstantPattern.General.Format(instant);
}
