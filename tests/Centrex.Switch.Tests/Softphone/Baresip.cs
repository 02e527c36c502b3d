using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using System.Threading.Channels;

namespace Centrex.Switch.Tests.Softphone;

/// <summary>
/// A real softphone: Debian's <c>baresip</c> (1.0), headless, driven through its <c>ctrl_tcp</c> module (netstring
/// JSON commands in, responses and events out). Its configuration lives in a temporary folder: SIP and control ports
/// free on 127.0.0.1, G.711 only, audio through <c>aubridge</c> (no sound device: what it receives is what it sends;
/// <c>ausine</c> offers 48 kHz only, which G.711 cannot carry). Every wait is on something baresip says, bounded.
/// </summary>
internal sealed class Baresip : IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);
    private readonly Process _process;
    private readonly string _folder;
    private readonly StringBuilder _output = new();
    private readonly TaskCompletionSource _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Channel<JsonElement> _messages = Channel.CreateUnbounded<JsonElement>();
    private readonly List<JsonElement> _seen = [];
    private readonly SemaphoreSlim _outputChanged = new(0);
    private TcpClient? _control;
    private Task? _reader;

    private Baresip(Process process, string folder)
    {
        _process = process;
        _folder = folder;
    }

    /// <summary>Everything baresip wrote so far (for failure messages).</summary>
    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    /// <summary>
    /// Ports for one baresip: SIP, and control apart from SIP + 1 (baresip also listens for SIP over TLS there, certificate
    /// or not), and the first of ten RTP ports.
    /// </summary>
    public static (int Sip, int Control, int Rtp) FreePorts()
    {
        var control = Sipp.Sipp.FreeUdpPort();
        var sip = Sipp.Sipp.FreeUdpPort();
        while (sip + 1 == control || sip == control + 1)
        {
            sip = Sipp.Sipp.FreeUdpPort();
        }

        return (sip, control, Sipp.Sipp.FreeUdpRange(10));
    }

    /// <summary>
    /// Starts baresip with one account, <paramref name="user"/> at the switch <paramref name="registrar"/> with digest
    /// password <paramref name="password"/>, and waits until it says it is ready and its control port answers.
    /// </summary>
    public static async Task<Baresip> StartAsync(IPEndPoint registrar, string user, string password, int sipPort, int controlPort, int rtpPorts)
    {
        var folder = Directory.CreateTempSubdirectory("baresip-").FullName;
        var rtp = string.Create(CultureInfo.InvariantCulture, $"{rtpPorts}-{rtpPorts + 9}");
        File.WriteAllText(Path.Combine(folder, "config"), string.Join('\n',
            "poll_method\t\tepoll",
            $"sip_listen\t\t127.0.0.1:{sipPort}",
            "sip_trans_def\t\tudp",
            "audio_source\t\taubridge,nil",
            "audio_player\t\taubridge,nil",
            $"rtp_ports\t\t{rtp}",
            "module_path\t\t/usr/lib/baresip/modules",
            "module\t\t\tg711.so",
            "module\t\t\taubridge.so",
            "module_app\t\taccount.so",
            "module_app\t\tmenu.so",
            "module_app\t\tctrl_tcp.so",
            $"ctrl_tcp_listen\t\t127.0.0.1:{controlPort}",
            string.Empty));
        File.WriteAllText(Path.Combine(folder, "accounts"), $"<sip:{user}@{registrar}>;auth_pass={password};regint=3600\n");
        File.WriteAllText(Path.Combine(folder, "contacts"), string.Empty);

        var info = new ProcessStartInfo("baresip") { RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true };
        foreach (var arg in new[] { "-f", folder, "-4" })
        {
            info.ArgumentList.Add(arg);
        }

        var phone = new Baresip(Process.Start(info)!, folder);
        phone._process.OutputDataReceived += (_, e) => phone.Log(e.Data);
        phone._process.ErrorDataReceived += (_, e) => phone.Log(e.Data);
        phone._process.BeginOutputReadLine();
        phone._process.BeginErrorReadLine();
        if (await Task.WhenAny(phone._ready.Task, phone._process.WaitForExitAsync(), Task.Delay(Patience)) != phone._ready.Task)
        {
            var output = phone.Output;
            phone.Dispose();
            throw new InvalidOperationException("baresip did not get ready:\n" + output);
        }

        phone._control = new TcpClient();
        await phone._control.ConnectAsync(IPAddress.Loopback, controlPort);
        phone._reader = Task.Run(phone.ReadAsync);
        return phone;
    }

    /// <summary>Runs a command (<c>dial</c>, <c>hold</c>, <c>resume</c>, <c>hangup</c>, <c>reginfo</c>) and returns its answer's data; fails when baresip refuses it.</summary>
    public async Task<string> CommandAsync(string command, string parameters = "")
    {
        var token = Guid.NewGuid().ToString("N");
        var json = JsonSerializer.SerializeToUtf8Bytes(new Dictionary<string, string> { ["command"] = command, ["params"] = parameters, ["token"] = token });
        var frame = Encoding.ASCII.GetBytes(json.Length.ToString(CultureInfo.InvariantCulture) + ":").Concat(json).Append((byte)',').ToArray();
        await _control!.GetStream().WriteAsync(frame);
        var answer = await NextAsync(m => m.TryGetProperty("response", out _) && m.TryGetProperty("token", out var t) && t.GetString() == token, $"the answer to {command}");
        Assert.True(answer.GetProperty("ok").GetBoolean(), $"baresip refused {command}: {answer}\n{Output}");
        return answer.TryGetProperty("data", out var data) ? data.GetString() ?? string.Empty : string.Empty;
    }

    /// <summary>Waits for the next event of <paramref name="type"/> (<c>CALL_ESTABLISHED</c>, <c>CALL_REMOTE_SDP</c>, ...) not yet taken.</summary>
    public Task<JsonElement> EventAsync(string type) =>
        NextAsync(m => m.TryGetProperty("event", out _) && m.GetProperty("type").GetString() == type, "event " + type);

    /// <summary>Waits until the account is registered: baresip prints the registrar's 200 with the binding count.</summary>
    public async Task RegisteredAsync()
    {
        var deadline = DateTime.UtcNow + Patience;
        while (!Output.Contains(" 200 OK (Centrex) [1 binding]", StringComparison.Ordinal))
        {
            Assert.True(DateTime.UtcNow < deadline && !_process.HasExited, "baresip did not register:\n" + Output);
            await _outputChanged.WaitAsync(TimeSpan.FromMilliseconds(200));
        }
    }

    public void Dispose()
    {
        _control?.Dispose();
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }

        _process.Dispose();
        _outputChanged.Dispose();
        Directory.Delete(_folder, recursive: true);
    }

    private void Log(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.AppendLine(line);
        }

        _outputChanged.Release();

        if (line.Contains("baresip is ready.", StringComparison.Ordinal))
        {
            _ready.TrySetResult();
        }
    }

    /// <summary>The next message (taken in order, kept until matched) that <paramref name="match"/> accepts.</summary>
    private async Task<JsonElement> NextAsync(Func<JsonElement, bool> match, string what)
    {
        using var timeout = new CancellationTokenSource(Patience);
        var index = _seen.FindIndex(m => match(m));
        while (index < 0)
        {
            try
            {
                _seen.Add(await _messages.Reader.ReadAsync(timeout.Token));
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"baresip: no {what} within {Patience.TotalSeconds} s\n{Output}");
            }
            catch (ChannelClosedException)
            {
                throw new InvalidOperationException($"baresip closed its control connection before {what}\n{Output}");
            }

            index = match(_seen[^1]) ? _seen.Count - 1 : -1;
        }

        var found = _seen[index];
        _seen.RemoveAt(index);
        return found;
    }

    /// <summary>Reads netstrings (<c>LENGTH:JSON,</c>) from the control connection into the message channel.</summary>
    private async Task ReadAsync()
    {
        var stream = _control!.GetStream();
        var buffer = new List<byte>();
        var chunk = new byte[8192];
        try
        {
            int n;
            while ((n = await stream.ReadAsync(chunk)) > 0)
            {
                buffer.AddRange(chunk.AsSpan(0, n));
                while (buffer.IndexOf((byte)':') is var colon and > 0
                    && int.TryParse(Encoding.ASCII.GetString([.. buffer.GetRange(0, colon)]), NumberStyles.None, CultureInfo.InvariantCulture, out var length)
                    && buffer.Count >= colon + 1 + length + 1)
                {
                    var json = buffer.GetRange(colon + 1, length).ToArray();
                    buffer.RemoveRange(0, colon + 1 + length + 1);
                    using var document = JsonDocument.Parse(json);
                    _messages.Writer.TryWrite(document.RootElement.Clone());
                }
            }
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException or SocketException)
        {
            // the phone was stopped
        }
        finally
        {
            _messages.Writer.TryComplete();
        }
    }
}
