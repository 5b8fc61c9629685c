using System.Security.Cryptography;
using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.XmlEncryption;

namespace Workspace.Server.Data;

/// <summary>
/// Encrypts the Data Protection keys (which protect cookies and bearer tokens) before they are stored in the
/// database, with AES-GCM under a key derived from the chain keys, which live outside it: a copy of the database
/// alone does not let anyone forge a sign-in. Every node holds the same chain key file, so every node reads them.
/// </summary>
public sealed class DataProtectionKeyEncryptor(ChainKeys keys) : IXmlEncryptor
{
    internal const string Purpose = "data-protection";

    public EncryptedXmlInfo Encrypt(XElement plaintextElement)
    {
        var plain = System.Text.Encoding.UTF8.GetBytes(plaintextElement.ToString(SaveOptions.DisableFormatting));
        var sealedBytes = new byte[12 + 16 + plain.Length];
        var nonce = sealedBytes.AsSpan(0, 12);
        RandomNumberGenerator.Fill(nonce);
        using (var aes = new AesGcm(keys.Derive(Purpose), 16))
        {
            aes.Encrypt(nonce, plain, sealedBytes.AsSpan(28), sealedBytes.AsSpan(12, 16));
        }

        var element = new XElement("encryptedKey",
            new XComment(" Encrypted with a key derived from the workspace's chain keys (Audit:KeyFile). "),
            new XElement("value", Convert.ToBase64String(sealedBytes)));
        return new EncryptedXmlInfo(element, typeof(DataProtectionKeyDecryptor));
    }
}

/// <summary>The other half of <see cref="DataProtectionKeyEncryptor"/>; created by Data Protection with the host's services.</summary>
public sealed class DataProtectionKeyDecryptor(IServiceProvider services) : IXmlDecryptor
{
    public XElement Decrypt(XElement encryptedElement)
    {
        var sealedBytes = Convert.FromBase64String((string?)encryptedElement.Element("value")
            ?? throw new CryptographicException("An encrypted Data Protection key has no value."));
        var plain = new byte[sealedBytes.Length - 28];
        using (var aes = new AesGcm(services.GetRequiredService<ChainKeys>().Derive(DataProtectionKeyEncryptor.Purpose), 16))
        {
            aes.Decrypt(sealedBytes.AsSpan(0, 12), sealedBytes.AsSpan(28), sealedBytes.AsSpan(12, 16), plain);
        }

        return XElement.Parse(System.Text.Encoding.UTF8.GetString(plain));
    }
}
