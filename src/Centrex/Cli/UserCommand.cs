using System.CommandLine;
using Centrex.Portal.Features.Operator.Logins;
using Centrex.Portal.Security;
using Centrex.Provisioning.Access;
using Centrex.Provisioning.Store;
using NodaTime;

namespace Centrex.Cli;

/// <summary>
/// <c>centrex user add|list|passwd|language|unlock|disable|enable</c>: the self-care portal's logins (issue 16), kept in
/// <c>DATA/access.db</c> with the password's PBKDF2 hash only. A password comes from standard input
/// (<c>--password-stdin</c>) or is made up (16 random characters) and printed once on standard output. Every change goes
/// through the operator's <see cref="LoginDesk"/>, the code behind the Logins page and <c>/api/v1/operator/logins</c>, so
/// a login the command line disables is disabled exactly as the operator's page would do it.
/// </summary>
internal static class UserCommand
{
    public static Command Create(CliConsole console)
    {
        var addData = DataOption.Create();
        var login = new Argument<string>("LOGIN") { Description = "The login name (1 to 64 characters, no spaces)" };
        var asOperator = new Option<bool>("--operator") { Description = "An operator login: every customer, provisioning, tariffs, billing" };
        var customer = new Option<string?>("--customer") { Description = "A customer login: this customer's data only" };
        var stdin = new Option<bool>("--password-stdin") { Description = "Read the password from standard input instead of making one up" };
        var add = new Command("add", "Create a portal login and print its password (once).") { addData, login, asOperator, customer, stdin };
        add.Validators.Add(result =>
        {
            if (result.GetValue(asOperator) == (result.GetValue(customer) is not null))
            {
                result.AddError("give either --operator or --customer ID");
            }
        });
        add.SetAction(parse => Add(console, parse.GetRequiredValue(addData), parse.GetRequiredValue(login), parse.GetValue(customer), parse.GetValue(stdin)));

        var listData = DataOption.Create();
        var list = new Command("list", "List the portal logins: login, role, customer, status (active, disabled, locked until).") { listData };
        list.SetAction(parse => List(console, parse.GetRequiredValue(listData)));

        var passwdData = DataOption.Create();
        var passwdLogin = new Argument<string>("LOGIN") { Description = "The login whose password is reset" };
        var passwdStdin = new Option<bool>("--password-stdin") { Description = "Read the new password from standard input instead of making one up" };
        var passwd = new Command("passwd", "Reset a login's password (ends its sessions, lifts a lockout) and print the new one.") { passwdData, passwdLogin, passwdStdin };
        passwd.SetAction(parse => Reset(console, parse.GetRequiredValue(passwdData), parse.GetRequiredValue(passwdLogin), parse.GetValue(passwdStdin)));

        var languageData = DataOption.Create();
        var languageLogin = new Argument<string>("LOGIN") { Description = "The login (any case)" };
        var languageCode = new Argument<string>("LANGUAGE") { Description = "The web interface language: en or fr" };
        var language = new Command("language", "Set the web interface language of a login (an operator's as well as a customer's): en or fr.") { languageData, languageLogin, languageCode };
        language.SetAction(parse => SetLanguage(console, parse.GetRequiredValue(languageData), parse.GetRequiredValue(languageLogin), parse.GetRequiredValue(languageCode)));

        return new Command("user", "Logins of the self-care portal.")
        {
            add, list, passwd, language,
            Change(console, "unlock", "Lift a login's lockout after too many wrong passwords; its password stays.", (desk, l) => desk.Unlock(l), "unlocked"),
            Change(console, "disable", "Disable a login: refused at sign-in and its sessions ended, until enabled.", (desk, l) => desk.SetDisabled(l, disabled: true), "disabled; its sessions are ended"),
            Change(console, "enable", "Enable a disabled login again.", (desk, l) => desk.SetDisabled(l, disabled: false), "enabled"),
        };
    }

    /// <summary>A password nobody chose (the operator desk's: <see cref="LoginDesk.NewPassword"/>).</summary>
    public static string NewPassword() => LoginDesk.NewPassword();

    /// <summary>The operator's desk on the data directory's stores, as the running portal has it.</summary>
    private static LoginDesk Desk(UserStore users, string data) => new(users, id =>
    {
        using var provisioning = ProvisioningStore.Open(data);
        return provisioning.Load().Customers.Any(c => c.Id == id);
    }, SystemClock.Instance);

    private static Command Change(CliConsole console, string name, string description, Func<LoginDesk, string, bool> change, string done)
    {
        var data = DataOption.Create();
        var login = new Argument<string>("LOGIN") { Description = "The login (any case)" };
        var command = new Command(name, description) { data, login };
        command.SetAction(parse =>
        {
            var dataDirectory = parse.GetRequiredValue(data);
            var wanted = parse.GetRequiredValue(login);
            using var users = UserStore.Open(dataDirectory);
            var desk = Desk(users, dataDirectory);
            if (desk.Find(wanted) is not { } user || !change(desk, wanted))
            {
                console.Error.WriteLine($"centrex user {name}: no login '{wanted}' (see centrex user list)");
                return ExitCodes.BadInput;
            }

            console.Error.WriteLine($"centrex user: '{user.Login}' {done}");
            return ExitCodes.Success;
        });
        return command;
    }

    private static int Add(CliConsole console, string data, string login, string? customerId, bool fromStdin)
    {
        var (password, problem) = Password(fromStdin);
        if (problem is not null)
        {
            console.Error.WriteLine($"centrex user add: the password {problem}");
            return ExitCodes.BadInput;
        }

        using var users = UserStore.Open(data);
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        if (Desk(users, data).Create(login, customerId is null ? "operator" : "customer", customerId, fromStdin ? password : null, errors) is not { } made)
        {
            foreach (var (field, message) in errors)
            {
                console.Error.WriteLine(field == "customer"
                    ? $"centrex user add: --customer '{customerId}' is {message} (centrex provision import)"
                    : $"centrex user add: {(field == "login" ? "LOGIN" : field)}: {message}");
            }

            return ExitCodes.BadInput;
        }

        if (made.MadeUp is { } madeUp)
        {
            console.Out.WriteLine(madeUp);
        }

        console.Error.WriteLine($"centrex user: created {(customerId is null ? "operator" : $"customer {customerId}")} login '{made.User.Login}'{(fromStdin ? string.Empty : "; its password is shown only now")}");
        return ExitCodes.Success;
    }

    private static int SetLanguage(CliConsole console, string data, string login, string language)
    {
        if (!Centrex.Portal.Features.Customer.Profile.ProfileChanges.Languages.Contains(language))
        {
            console.Error.WriteLine($"centrex user language: LANGUAGE '{language}' is not one of {string.Join(", ", Centrex.Portal.Features.Customer.Profile.ProfileChanges.Languages)}");
            return ExitCodes.BadInput;
        }

        using var users = UserStore.Open(data);
        if (Desk(users, data).Find(login) is not { } user)
        {
            console.Error.WriteLine($"centrex user language: no login '{login}' (see centrex user list)");
            return ExitCodes.BadInput;
        }

        // The session reads the login's language on every request: a signed-in login sees it from its next page.
        users.SetLanguage(user.Id, language);
        console.Error.WriteLine($"centrex user: '{user.Login}' uses the portal in {language}");
        return ExitCodes.Success;
    }

    private static int List(CliConsole console, string data)
    {
        using var users = UserStore.Open(data);
        var now = SystemClock.Instance.GetCurrentInstant();
        console.Out.WriteLine("login                            role      customer         status");
        foreach (var user in users.List())
        {
            console.Out.WriteLine($"{user.Login,-32} {UserStore.RoleName(user.Role),-9} {user.CustomerId ?? "-",-16} {Status(user, now)}");
        }

        return ExitCodes.Success;
    }

    /// <summary>What keeps a login out, if anything: disabled by the operator, locked after wrong passwords, or both.</summary>
    internal static string Status(PortalUser user, Instant now)
    {
        var locked = user.IsLocked(now) ? "locked until " + user.LockedUntil : null;
        return user.Disabled ? (locked is null ? "disabled" : "disabled, " + locked) : locked ?? "active";
    }

    private static int Reset(CliConsole console, string data, string login, bool fromStdin)
    {
        var (password, problem) = Password(fromStdin);
        if (problem is not null)
        {
            console.Error.WriteLine($"centrex user passwd: the password {problem}");
            return ExitCodes.BadInput;
        }

        using var users = UserStore.Open(data);
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        if (Desk(users, data).Reset(login, fromStdin ? password : null, errors) is not { } reset)
        {
            console.Error.WriteLine($"centrex user passwd: no login '{login}' (see centrex user list)");
            return ExitCodes.BadInput;
        }

        if (reset.MadeUp is { } madeUp)
        {
            console.Out.WriteLine(madeUp);
        }

        console.Error.WriteLine($"centrex user: new password for '{reset.User.Login}'; its sessions are ended");
        return ExitCodes.Success;
    }

    /// <summary>The password from standard input, checked; an empty one when it is to be made up.</summary>
    private static (string Password, string? Problem) Password(bool fromStdin)
    {
        if (!fromStdin)
        {
            return (string.Empty, null);
        }

        var password = (Console.In.ReadLine() ?? string.Empty).TrimEnd('\r', '\n');
        return (password, PasswordHashing.Problem(password) is { } problem ? "needs " + problem : null);
    }
}
