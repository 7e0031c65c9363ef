using System.Runtime.InteropServices;
using Eipnet.NftHelper;

// eipnet-nft: libnftables for the network namespace it was started in, for the agent that started it. Requests and answers
// are frames on stdin and stdout (NftFrames); stdin's end ends it. Why a process of its own: docs/decisions.md, "nft sessions".
try
{
    Native.CapDescriptors();
}
catch (InvalidOperationException e)
{
    Console.Error.WriteLine("eipnet-nft: " + e.Message);
    return 2;
}
IntPtr ctx;
try
{
    ctx = Native.nft_ctx_new(0);
}
catch (DllNotFoundException)
{
    Console.Error.WriteLine($"eipnet-nft: {Native.Library} cannot be loaded");
    return 3;
}
Native.nft_ctx_buffer_output(ctx);
Native.nft_ctx_buffer_error(ctx);

using var input = Console.OpenStandardInput();
using var output = Console.OpenStandardOutput();
// Hello: the namespace this process lives in, which the agent compares with what the namespace's name points to.
NftFrames.Write(output, 0, Native.NamespaceInode().ToString(System.Globalization.CultureInfo.InvariantCulture), "");
while (NftFrames.TryReadRequest(input, out var script))
{
    var rc = Native.nft_run_cmd_from_buffer(ctx, script);
    var stdout = Marshal.PtrToStringUTF8(Native.nft_ctx_get_output_buffer(ctx)) ?? "";
    var stderr = Marshal.PtrToStringUTF8(Native.nft_ctx_get_error_buffer(ctx)) ?? "";
    NftFrames.Write(output, rc, stdout, stderr);
}
Native.nft_ctx_free(ctx);
return 0;
