using System.Text;

namespace DataTier.Cache.Scripting.Functions;

/// <summary>
/// The libraries as the registry keeps them in the store: each one's name, code and registered functions, so they
/// come back without running their code. A version byte leads, for formats to come.
/// </summary>
public static class FunctionLibraryCodec
{
    private const byte Version = 1;

    public static byte[] Encode(IReadOnlyList<FunctionLibrary> libraries)
    {
        using var buffer = new MemoryStream();
        using (var writer = new BinaryWriter(buffer, Encoding.UTF8, leaveOpen: true))
        {
            writer.Write(Version);
            writer.Write(libraries.Count);
            foreach (var library in libraries)
            {
                writer.Write(library.Name);
                writer.Write(library.Code.Length);
                writer.Write(library.Code);
                writer.Write(library.Functions.Length);
                foreach (var function in library.Functions)
                {
                    writer.Write(function.Name);
                    writer.Write(function.Description is not null);
                    if (function.Description is not null) writer.Write(function.Description);
                    writer.Write((int)function.Flags);
                }
            }
        }
        return buffer.ToArray();
    }

    public static FunctionLibrary[] Decode(byte[] data)
    {
        using var reader = new BinaryReader(new MemoryStream(data), Encoding.UTF8);
        if (reader.ReadByte() != Version) throw new InvalidDataException("Unknown format of the stored function libraries");
        var libraries = new FunctionLibrary[reader.ReadInt32()];
        for (var i = 0; i < libraries.Length; i++)
        {
            var name = reader.ReadString();
            var code = reader.ReadBytes(reader.ReadInt32());
            var functions = new FunctionInfo[reader.ReadInt32()];
            for (var f = 0; f < functions.Length; f++)
                functions[f] = new FunctionInfo(reader.ReadString(), reader.ReadBoolean() ? reader.ReadString() : null, (FunctionFlags)reader.ReadInt32());
            libraries[i] = new FunctionLibrary(name, code, functions);
        }
        return libraries;
    }
}
