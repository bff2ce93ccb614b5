using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using NUnit.Framework;

namespace GovStatsValidation.Cli.Tests.Browser;

/// <summary>
/// Debian's headless <c>chromium</c> driven over the DevTools protocol (a web socket; no driver package), for the browser tests
/// of the HTML report. <see cref="Start"/> ignores the test with a clear reason when chromium is not installed.
/// </summary>
internal sealed class HeadlessChromium : IAsyncDisposable
{
    private readonly Process _process;
    private readonly ClientWebSocket _socket = new();
    private readonly ConcurrentDictionary<int, TaskCompletionSource<JsonObject>> _pending = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly string _profile;
    private int _nextId;
    private string? _session;
    private Task? _receiver;

    private HeadlessChromium(Process process, string profile)
    {
        _process = process;
        _profile = profile;
    }

    /// <summary>What chromium wrote on its standard streams (drained so it never blocks).</summary>
    public ConcurrentQueue<string> Log { get; } = new();

    /// <summary>Script errors the page threw (Runtime.exceptionThrown), as text.</summary>
    public ConcurrentQueue<string> Exceptions { get; } = new();

    /// <summary>The chromium executable, or <see langword="null"/> when none is installed.</summary>
    public static string? Executable =>
        new[] { "chromium", "chromium-browser", "google-chrome" }
            .SelectMany(name => (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':').Select(dir => Path.Combine(dir, name)))
            .FirstOrDefault(File.Exists);

    /// <summary>Starts chromium with a fresh profile and attaches to its page; ignores the test when chromium is absent.</summary>
    public static async Task<HeadlessChromium> Start(string downloads)
    {
        if (Executable is not { } executable)
        {
            Assert.Ignore("skipped: chromium is not installed (apt-get install -y chromium); the browser test needs headless Chromium");
            throw new InvalidOperationException("unreachable");
        }

        var profile = Directory.CreateTempSubdirectory("govstats-chromium-").FullName;
        var start = new ProcessStartInfo(executable)
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[]
                 {
                     "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--no-first-run", "--hide-scrollbars",
                     "--remote-debugging-port=0", $"--user-data-dir={profile}", "--window-size=1440,1000", "about:blank",
                 })
        {
            start.ArgumentList.Add(arg);
        }

        var process = Process.Start(start)!;
        var browser = new HeadlessChromium(process, profile);
        process.ErrorDataReceived += (_, e) => browser.Log.Enqueue(e.Data ?? "");
        process.OutputDataReceived += (_, e) => browser.Log.Enqueue(e.Data ?? "");
        process.BeginErrorReadLine();
        process.BeginOutputReadLine();
        try
        {
            var endpoint = await browser.Endpoint();
            await browser._socket.ConnectAsync(new Uri(endpoint), CancellationToken.None);
            browser._receiver = Task.Run(browser.Receive);
            await browser.Send("Browser.setDownloadBehavior", new JsonObject { ["behavior"] = "allow", ["downloadPath"] = downloads });
            var targets = await browser.Send("Target.getTargets");
            var page = targets["targetInfos"]!.AsArray().First(t => (string?)t!["type"] == "page")!;
            var attached = await browser.Send("Target.attachToTarget", new JsonObject { ["targetId"] = (string?)page["targetId"], ["flatten"] = true });
            browser._session = (string?)attached["sessionId"];
            await browser.Send("Runtime.enable");
            await browser.Send("Page.enable");
            return browser;
        }
        catch
        {
            await browser.DisposeAsync();
            throw;
        }
    }

    /// <summary>The DevTools web-socket address chromium prints on standard error (or writes to DevToolsActivePort).</summary>
    private async Task<string> Endpoint()
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        var portFile = Path.Combine(_profile, "DevToolsActivePort");
        while (DateTime.UtcNow < deadline)
        {
            if (File.Exists(portFile))
            {
                var lines = (await File.ReadAllTextAsync(portFile)).Split('\n', StringSplitOptions.RemoveEmptyEntries);
                if (lines.Length >= 2)
                {
                    return $"ws://127.0.0.1:{lines[0].Trim()}{lines[1].Trim()}";
                }
            }

            if (_process.HasExited)
            {
                throw new InvalidOperationException($"chromium exited with {_process.ExitCode}: {string.Join("\n", Log.TakeLast(20))}");
            }

            await Task.Delay(100);
        }

        throw new TimeoutException("chromium did not open its DevTools port within 30 s");
    }

    private async Task Receive()
    {
        var buffer = new byte[1 << 16];
        var message = new MemoryStream();
        while (!_stop.IsCancellationRequested && _socket.State == WebSocketState.Open)
        {
            WebSocketReceiveResult result;
            try
            {
                result = await _socket.ReceiveAsync(buffer, _stop.Token);
            }
            catch (Exception e) when (e is OperationCanceledException or WebSocketException)
            {
                break;
            }

            if (result.MessageType == WebSocketMessageType.Close)
            {
                break;
            }

            message.Write(buffer, 0, result.Count);
            if (!result.EndOfMessage)
            {
                continue;
            }

            var json = JsonNode.Parse(message.ToArray())!.AsObject();
            message.SetLength(0);
            if (json["id"] is { } id && _pending.TryRemove((int)id, out var waiter))
            {
                waiter.TrySetResult(json);
            }
            else if ((string?)json["method"] == "Runtime.exceptionThrown")
            {
                Exceptions.Enqueue(json["params"]?["exceptionDetails"]?.ToJsonString() ?? "exception");
            }
        }

        foreach (var waiter in _pending.Values)
        {
            waiter.TrySetException(new InvalidOperationException("the DevTools connection closed"));
        }
    }

    /// <summary>Sends a DevTools command (to the page once attached, else to the browser) and returns its result.</summary>
    public async Task<JsonObject> Send(string method, JsonObject? parameters = null, bool browserLevel = false)
    {
        var id = Interlocked.Increment(ref _nextId);
        var command = new JsonObject { ["id"] = id, ["method"] = method, ["params"] = parameters ?? new JsonObject() };
        if (_session is not null && !browserLevel)
        {
            command["sessionId"] = _session;
        }

        var waiter = new TaskCompletionSource<JsonObject>(TaskCreationOptions.RunContinuationsAsynchronously);
        _pending[id] = waiter;
        await _socket.SendAsync(Encoding.UTF8.GetBytes(command.ToJsonString()), WebSocketMessageType.Text, true, CancellationToken.None);
        var response = await waiter.Task.WaitAsync(TimeSpan.FromSeconds(60));
        if (response["error"] is { } error)
        {
            throw new InvalidOperationException($"{method}: {error.ToJsonString()}");
        }

        return response["result"]!.AsObject();
    }

    /// <summary>Evaluates a script in the page (awaiting a promise) and returns its value.</summary>
    public async Task<JsonNode?> Eval(string script)
    {
        var result = await Send("Runtime.evaluate", new JsonObject { ["expression"] = script, ["awaitPromise"] = true, ["returnByValue"] = true });
        if (result["exceptionDetails"] is { } details)
        {
            throw new InvalidOperationException($"script failed: {details.ToJsonString()}\n{script}");
        }

        return result["result"]?["value"];
    }

    /// <summary>Opens a URL (or reloads) and waits until the document has loaded.</summary>
    public async Task Navigate(string? url)
    {
        if (url is null)
        {
            await Send("Page.reload");
        }
        else
        {
            await Send("Page.navigate", new JsonObject { ["url"] = url });
        }

        await Task.Delay(300);
        await Until("document.readyState === 'complete' && !!document.getElementById('review-status')", "the page to load");
    }

    /// <summary>Waits until a script returns true.</summary>
    public async Task Until(string condition, string what, int seconds = 20)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (DateTime.UtcNow < deadline)
        {
            if ((await Eval($"!!({condition})"))?.GetValue<bool>() == true)
            {
                return;
            }

            await Task.Delay(100);
        }

        Assert.Fail($"timed out waiting for {what}");
    }

    /// <summary>Sets a file on an &lt;input type=file&gt; (as a user choosing it), which fires its change event.</summary>
    public async Task SetFile(string selector, string path)
    {
        var found = await Send("Runtime.evaluate", new JsonObject { ["expression"] = $"document.querySelector({JsonSerializer.Serialize(selector)})" });
        await Send("DOM.setFileInputFiles", new JsonObject { ["files"] = new JsonArray(path), ["objectId"] = (string?)found["result"]!["objectId"] });
    }

    /// <summary>A PNG of the visible part of the page, or of the region of one element.</summary>
    public async Task<byte[]> Screenshot(string? selector = null)
    {
        var parameters = new JsonObject { ["format"] = "png", ["captureBeyondViewport"] = selector is not null };
        if (selector is not null)
        {
            var box = (await Eval($"(function(){{var r=document.querySelector({JsonSerializer.Serialize(selector)}).getBoundingClientRect();return [r.left+window.scrollX,r.top+window.scrollY,r.width,r.height];}})()"))!.AsArray();
            parameters["clip"] = new JsonObject
            {
                ["x"] = (double)box[0]!, ["y"] = (double)box[1]!, ["width"] = Math.Max(1, (double)box[2]!), ["height"] = Math.Max(1, (double)box[3]!), ["scale"] = 1,
            };
        }

        var shot = await Send("Page.captureScreenshot", parameters);
        return Convert.FromBase64String((string)shot["data"]!);
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (_socket.State == WebSocketState.Open)
            {
                await Send("Browser.close", browserLevel: true).WaitAsync(TimeSpan.FromSeconds(5));
            }
        }
        catch (Exception e) when (e is InvalidOperationException or TimeoutException or WebSocketException)
        {
            // closing anyway
        }

        await _stop.CancelAsync();
        if (!_process.WaitForExit(5000))
        {
            _process.Kill(entireProcessTree: true);
        }

        _process.Dispose();
        _socket.Dispose();
        if (_receiver is not null)
        {
            await _receiver.ContinueWith(_ => { }, TaskScheduler.Default);
        }

        try
        {
            Directory.Delete(_profile, recursive: true);
        }
        catch (IOException)
        {
            // chromium may still hold a file for a moment; the temp folder is cleaned by the system
        }
    }
}
