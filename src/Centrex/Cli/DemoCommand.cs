using System.CommandLine;
using Centrex.Invoicing.Payments;
using Centrex.Invoicing.Store;
using Centrex.Samples;
using Centrex.Portal.Security;
using Centrex.Provisioning.Access;
using Centrex.Provisioning.Store;
using Centrex.Switch.Registration;
using NodaTime;
using NodaTime.Text;

namespace Centrex.Cli;

/// <summary>
/// <c>centrex demo</c>: the main job on the embedded default. Imports the sample provisioning (six customers across
/// provinces, plans, a phone number with a setup fee, a porting fee, discount plans, payments), generates a month of
/// sample traffic for its accounts, rates it into the data directory's ledger, bills October, enters what changed during
/// November (a cancellation after October was billed, a payment), bills November, and says where everything is: the PDF
/// invoices, and the emailed copies in the demo's own mailbox (an SMTP server on loopback that keeps what it receives as
/// <c>.eml</c> files; see <see cref="DemoMailbox"/>). Then the customers' phones go live (<c>provisioning-switch.json</c>:
/// extensions, SIP credentials, DIDs, a hunt group, abbreviated dialing, site limits) and the test payment gateway is
/// chosen, so the portal that <c>serve</c> opens on the demo data has something on every page and takes a payment.
/// </summary>
internal static class DemoCommand
{
    /// <summary>The sample month: October 2026.</summary>
    public static readonly YearMonth Month = new(2026, 10);

    public static Command Create(CliConsole console)
    {
        var data = DataOption.Create();
        var rows = new Option<long>("--rows")
        {
            Description = "CDR rows to generate",
            DefaultValueFactory = _ => 100_000,
            CustomParser = OptionParsers.Of(OptionValues.LongBetween(0, long.MaxValue), "is not a whole number of rows, 0 or more"),
        };
        var command = new Command("demo", "Import sample customers, generate and rate a month of calls, bill it and the next, and show the invoices and their emails.") { data, rows };
        command.SetAction((parse, cancel) => Interruptible.Run(() => Run(console, parse.GetRequiredValue(data), parse.GetValue(rows), cancel)));
        return command;
    }

    public static int Run(CliConsole console, string dataDirectory, long rows, CancellationToken cancel)
    {
        var folder = Path.Combine(dataDirectory, "demo");
        var month = YearMonthPattern.Iso.Format(Month);
        bool october, november;
        using (var billing = BillingStore.Open(dataDirectory))
        {
            october = billing.FindRun(Month) is not null;
            november = billing.FindRun(Month.PlusMonths(1)) is not null;
        }

        if (october && november)
        {
            // The ledger charges every CDR id once: rating the same sample again would reject every row as a duplicate.
            console.Error.WriteLine($"centrex demo: {month} and the month after are already rated and billed in {dataDirectory}: nothing changed; showing them (use a fresh --data to run it again)");
            Logins(console, dataDirectory);
            Phones(console, dataDirectory, passwords: null);
            return Show(console, dataDirectory, folder);
        }

        using var mailbox = new DemoMailbox(Path.Combine(folder, "mailbox"));
        if (!october)
        {
            var exit = Import(console, dataDirectory, folder, "provisioning.json");
            if (exit != ExitCodes.Success)
            {
                return exit;
            }

            console.Error.WriteLine($"centrex demo: generating a sample tariff and {rows:N0} CDRs for accounts ACC-1001 to ACC-1005 ({month}) in {folder}");
            var files = GenerateCommand.Generate(folder, prefixes: 3_000, new CdrSampleSpec(rows, Accounts: 5, Month), seed: 20261121);
            var request = new RateRequest(files.Tariff, files.Cdrs, Path.Combine(folder, "rated.csv"), Path.Combine(folder, "rejects.csv"), Data: dataDirectory);
            exit = RateCommand.Execute(console, request, cancel);
            if (exit != ExitCodes.Success)
            {
                return exit;
            }

            console.Out.WriteLine($"provisioning: {Path.Combine(folder, "provisioning.json")}");
            console.Out.WriteLine($"tariff:  {files.Tariff} ({files.TariffRows:N0} prefixes)");
            console.Out.WriteLine($"cdrs:    {files.Cdrs}");
            console.Out.WriteLine($"rated:   {request.Rated}");
            console.Out.WriteLine($"rejects: {request.Rejects}");
            console.Error.WriteLine($"centrex demo: billing {month}; its emails go to the demo mailbox on 127.0.0.1:{mailbox.Port}");
            exit = BillCommand.Run(console, dataDirectory, Month, SystemClock.Instance, cancel, mailbox.Settings);
            if (exit != ExitCodes.Success)
            {
                return exit;
            }
        }

        // November: what changed after October was billed, then its bill (October's free minutes, the adjustment).
        var next = YearMonthPattern.Iso.Format(Month.PlusMonths(1));
        var changed = Import(console, dataDirectory, folder, "provisioning-2026-11.json");
        if (changed != ExitCodes.Success)
        {
            return changed;
        }

        console.Error.WriteLine($"centrex demo: billing {next}; its emails go to the demo mailbox too");
        var billed = BillCommand.Run(console, dataDirectory, Month.PlusMonths(1), SystemClock.Instance, cancel, mailbox.Settings);
        if (billed != ExitCodes.Success)
        {
            return billed;
        }

        // The phones go live after billing, so November's invoices are the ones above whatever the switch data adds.
        var passwords = SamplePhones.Select(user => (user, UserCommand.NewPassword())).ToDictionary(p => p.user, p => p.Item2, StringComparer.Ordinal);
        var phones = Import(console, dataDirectory, folder, "provisioning-switch.json", json => Hashes(json, passwords));
        if (phones != ExitCodes.Success)
        {
            return phones;
        }

        // Make a Payment needs a gateway (issue 16): the test one, which takes no money, unless one is chosen already.
        if (!File.Exists(Path.Combine(dataDirectory, PaymentSettings.FileName)))
        {
            new PaymentSettings("test").Save(dataDirectory);
            console.Error.WriteLine("centrex demo: card payments go through the 'test' gateway (takes no money; centrex autopay configure chooses another)");
        }

        Logins(console, dataDirectory);
        Phones(console, dataDirectory, passwords);
        return Show(console, dataDirectory, folder);
    }

    /// <summary>The SIP users of <c>provisioning-switch.json</c>; the first three are the bakery's, whose passwords are printed.</summary>
    private static readonly string[] SamplePhones = ["qc101", "qc111", "qc121", "on201", "ns103", "bc104", "ab105", "us106"];

    /// <summary>The sample with each <c>HA1:user</c> and <c>HA256:user</c> marker replaced by the user's digest hashes.</summary>
    private static string Hashes(string json, IReadOnlyDictionary<string, string> passwords)
    {
        foreach (var (user, password) in passwords)
        {
            json = json.Replace($"\"HA1:{user}\"", $"\"{DigestAuthenticator.Ha1(false, user, Realm, password)}\"", StringComparison.Ordinal)
                .Replace($"\"HA256:{user}\"", $"\"{DigestAuthenticator.Ha1(true, user, Realm, password)}\"", StringComparison.Ordinal);
        }

        return json;
    }

    /// <summary>The digest realm of the sample (provisioning's default; the sample sets none).</summary>
    private const string Realm = "centrex";

    /// <summary>
    /// What a person needs to register a softphone against <c>serve</c>: the realm and the bakery's three phones with
    /// their SIP passwords (made up now, only their hashes kept; a rerun cannot show them again).
    /// </summary>
    private static void Phones(CliConsole console, string dataDirectory, IReadOnlyDictionary<string, string>? passwords)
    {
        using var provisioning = ProvisioningStore.Open(dataDirectory);
        var snapshot = provisioning.Load();
        var lines = snapshot.Accounts.Where(a => a.CustomerId == "CUST-QC" && a.Sip is not null).OrderBy(a => a.Extension, StringComparer.Ordinal).ToList();
        if (lines.Count == 0)
        {
            return;
        }

        console.Out.WriteLine($"SIP phones of CUST-QC (centrex serve --data {dataDirectory} --sip 127.0.0.1:5060; register to 127.0.0.1:5060, realm {snapshot.Switch?.Realm ?? Realm}; dial an extension, 300 rings them all):");
        foreach (var line in lines)
        {
            var password = passwords is not null && passwords.TryGetValue(line.Sip!.Username, out var made) ? made : "(set in the portal: My Profile)";
            console.Out.WriteLine($"  {line.Sip!.Username,-12} {password}  extension {line.Extension}, line {line.Id}");
        }
    }

    /// <summary>
    /// The self-care portal's logins (issue 16): one operator and one per sample customer, with passwords made up and
    /// printed now (only their hashes are kept); <c>centrex serve --data DIR --http 127.0.0.1:8080</c> serves them.
    /// </summary>
    private static void Logins(CliConsole console, string dataDirectory)
    {
        using var users = UserStore.Open(dataDirectory);
        using var provisioning = ProvisioningStore.Open(dataDirectory);
        var now = SystemClock.Instance.GetCurrentInstant();
        console.Out.WriteLine($"portal logins (centrex serve --data {dataDirectory} --http 127.0.0.1:8080, then http://127.0.0.1:8080/):");
        foreach (var (login, customer) in new[] { ("operator", (string?)null) }.Concat(provisioning.Load().Customers.Select(c => (c.Id.ToLowerInvariant(), (string?)c.Id))))
        {
            if (users.Find(login) is not null)
            {
                console.Out.WriteLine($"  {login,-12} exists already (new password: centrex user passwd {login} --data {dataDirectory})");
                continue;
            }

            var password = UserCommand.NewPassword();
            users.Create(login, customer is null ? UserRole.Operator : UserRole.Customer, customer, PasswordHashing.Hash(password), now);
            console.Out.WriteLine($"  {login,-12} {password}  {(customer is null ? "operator" : "customer " + customer)}");
        }
    }

    /// <summary>Writes the built-in sample <paramref name="name"/> (through <paramref name="fill"/>, if any) into the demo folder and imports it as <c>provision import</c> does.</summary>
    private static int Import(CliConsole console, string dataDirectory, string folder, string name, Func<string, string>? fill = null)
    {
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, name);
        using (var sample = new StreamReader(typeof(DemoCommand).Assembly.GetManifestResourceStream("Centrex.Samples." + name)!))
        {
            var text = sample.ReadToEnd();
            File.WriteAllText(path, fill is null ? text : fill(text));
        }

        return ProvisionCommand.Import(console, dataDirectory, path);
    }

    private static int Show(CliConsole console, string dataDirectory, string folder)
    {
        foreach (var period in new[] { Month, Month.PlusMonths(1) })
        {
            var invoices = Path.Combine(dataDirectory, "invoices", YearMonthPattern.Iso.Format(period));
            if (!Directory.Exists(invoices))
            {
                continue;
            }

            console.Out.WriteLine($"invoices: {invoices} (one PDF and one CSV per customer, and the statistics each customer asked for)");
            foreach (var pdf in Directory.GetFiles(invoices, "*.pdf").Order(StringComparer.Ordinal))
            {
                console.Out.WriteLine($"  {pdf}");
            }
        }

        var mailbox = Path.Combine(folder, "mailbox");
        if (Directory.Exists(mailbox))
        {
            console.Out.WriteLine($"emailed: {mailbox} (what the demo's SMTP server received; open an .eml file in a mail client)");
            foreach (var message in Directory.GetFiles(mailbox, "*.eml").Order(StringComparer.Ordinal))
            {
                console.Out.WriteLine($"  {message}");
            }
        }

        var month = YearMonthPattern.Iso.Format(Month);
        console.Out.WriteLine($"xDR report: centrex report xdr --data {dataDirectory} --customer CUST-QC --from {month}-01 --to {month}-31 --format xlsx --out {Path.Combine(folder, "CUST-QC.xlsx")}");
        console.Out.WriteLine($"transactions: centrex transactions --data {dataDirectory} --customer CUST-US --from {month}-01 --to {YearMonthPattern.Iso.Format(Month.PlusMonths(1))}-30");
        return ExitCodes.Success;
    }
}
