package cn.arena.org;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Keeps ID numbers unreadable at rest. From one 32-byte data key it derives (HMAC-SHA256 with distinct labels) an
 * AES-256-GCM key for the stored ciphertext and an HMAC key for the lookup hash, so exact-match search never needs
 * the plain number in the database. Ciphertext: base64 of a random 12-byte nonce followed by the sealed bytes.
 */
final class IdNumberCipher {

    private static final String AAD = "arena.org.person.id_number";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecretKeySpec encryptionKey;
    private final SecretKeySpec lookupKey;
    private final SecureRandom random = new SecureRandom();

    IdNumberCipher(byte[] dataKey) {
        if (dataKey.length != 32) {
            throw new IllegalArgumentException("the data key must be 32 bytes, got " + dataKey.length);
        }
        this.encryptionKey = new SecretKeySpec(derive(dataKey, "arena id-number encryption v1"), "AES");
        this.lookupKey = new SecretKeySpec(derive(dataKey, "arena id-number lookup v1"), "HmacSHA256");
    }

    String encrypt(String plain) {
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, encryptionKey, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(AAD.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(plain.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(ByteBuffer.allocate(nonce.length + sealed.length).put(nonce).put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is unavailable", e);
        }
    }

    /** The plain number; fails when the ciphertext was made with another key or was altered. */
    String decrypt(String stored) {
        byte[] bytes = Base64.getDecoder().decode(stored);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, encryptionKey, new GCMParameterSpec(TAG_BITS, bytes, 0, NONCE_BYTES));
            cipher.updateAAD(AAD.getBytes(StandardCharsets.UTF_8));
            return new String(cipher.doFinal(bytes, NONCE_BYTES, bytes.length - NONCE_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("an ID number cannot be decrypted with the configured data key", e);
        }
    }

    /** The keyed lookup hash (hex HMAC-SHA256): equal numbers give equal hashes, and without the key it reveals nothing. */
    String hash(String plain) {
        return HexFormat.of().formatHex(mac(lookupKey, plain.getBytes(StandardCharsets.UTF_8)));
    }

    private static byte[] derive(byte[] dataKey, String label) {
        return mac(new SecretKeySpec(dataKey, "HmacSHA256"), label.getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] mac(SecretKeySpec key, byte[] input) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac.doFinal(input);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is unavailable", e);
        }
    }
}
