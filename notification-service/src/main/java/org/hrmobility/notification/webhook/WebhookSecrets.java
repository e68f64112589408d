package org.hrmobility.notification.webhook;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The signing secrets at rest: AES-256-GCM under a key from configuration, so a copy of the database (a backup, a
 * read replica, a leaked dump) does not let anyone sign deliveries in the suite's name.
 * <p>
 * Keys come from {@code hrm.notification.webhooks.encryption-keys} ({@code HRM_NOTIFICATION_WEBHOOKS_ENCRYPTION_KEYS}):
 * {@code id:base64key[,id:base64key]}, each key 32 random bytes ({@code openssl rand -base64 32}). The first key
 * encrypts, every key decrypts: to change keys, put the new one first and keep the old one after it; at start the
 * service re-encrypts every secret under the first key ({@link SecretResealing}), after which the old key can go.
 * Without keys, a development-only key derived from a public constant is used and a warning logged: such secrets are
 * as good as plain text.
 * <p>
 * A sealed secret reads {@code v1:<key id>:<base64url(12-byte nonce, ciphertext and tag)>}; the subscription's id is
 * the additional authenticated data, so a sealed secret copied to another subscription does not open.
 */
final class WebhookSecrets {

    static final String DEVELOPMENT_KEY_ID = "development-only";

    private static final Logger log = LoggerFactory.getLogger(WebhookSecrets.class);
    private static final String VERSION = "v1";
    private static final String PLAIN_PREFIX = "whsec_";
    private static final Pattern KEY_ID = Pattern.compile("[A-Za-z0-9_-]{1,32}");
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Map<String, SecretKey> keys;
    private final String current;

    private WebhookSecrets(Map<String, SecretKey> keys) {
        this.keys = Collections.unmodifiableMap(keys);
        this.current = keys.keySet().iterator().next();
    }

    /**
     * The keys of this setting; empty: the development-only key, with a warning.
     *
     * @throws IllegalStateException for a setting that is not {@code id:base64key[,...]} of 32-byte keys (the message
     *                               names the entry by its id or position, never the key)
     */
    static WebhookSecrets of(String setting) {
        Map<String, SecretKey> keys = new LinkedHashMap<>();
        if (setting == null || setting.isBlank()) {
            log.warn("HRM_NOTIFICATION_WEBHOOKS_ENCRYPTION_KEYS is not set: webhook signing secrets are encrypted with a "
                    + "DEVELOPMENT-ONLY key derived from a public constant, as good as plain text. Set id:base64key "
                    + "(32 random bytes) before this service holds real subscriptions.");
            keys.put(DEVELOPMENT_KEY_ID, developmentKey());
            return new WebhookSecrets(keys);
        }
        String[] entries = setting.split(",");
        for (int i = 0; i < entries.length; i++) {
            String entry = entries[i].trim();
            int colon = entry.indexOf(':');
            String id = colon > 0 ? entry.substring(0, colon) : "";
            if (!KEY_ID.matcher(id).matches()) {
                throw new IllegalStateException("encryption key " + (i + 1) + " of HRM_NOTIFICATION_WEBHOOKS_ENCRYPTION_KEYS is not "
                        + "id:base64key (an id of letters, digits, - and _, at most 32)");
            }
            byte[] key = decodeKey(entry.substring(colon + 1).trim());
            if (key == null || key.length != 32) {
                throw new IllegalStateException("encryption key " + id + " of HRM_NOTIFICATION_WEBHOOKS_ENCRYPTION_KEYS is not "
                        + "32 bytes in base64 (openssl rand -base64 32)");
            }
            if (keys.put(id, new SecretKeySpec(key, "AES")) != null) {
                throw new IllegalStateException("encryption key id " + id + " appears twice in HRM_NOTIFICATION_WEBHOOKS_ENCRYPTION_KEYS");
            }
        }
        return new WebhookSecrets(keys);
    }

    String currentKeyId() {
        return current;
    }

    /** This subscription's secret, encrypted under the current key. */
    String seal(UUID subscriptionId, String secret) {
        try {
            byte[] nonce = new byte[NONCE_BYTES];
            RANDOM.nextBytes(nonce);
            Cipher cipher = cipher(Cipher.ENCRYPT_MODE, keys.get(current), nonce, subscriptionId);
            byte[] sealed = cipher.doFinal(secret.getBytes(StandardCharsets.UTF_8));
            byte[] out = ByteBuffer.allocate(nonce.length + sealed.length).put(nonce).put(sealed).array();
            return VERSION + ":" + current + ":" + Base64.getUrlEncoder().withoutPadding().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        }
    }

    /**
     * The secret a stored value holds: decrypted, or as it is when it is still plain text (stored before encryption;
     * {@link SecretResealing} encrypts those at start).
     *
     * @throws IllegalStateException when it was sealed under a key not configured, or does not open (altered, or another
     *                               subscription's)
     */
    String open(UUID subscriptionId, String stored) {
        if (isPlain(stored)) {
            return stored;
        }
        String[] parts = stored == null ? new String[0] : stored.split(":", 3);
        if (parts.length != 3 || !VERSION.equals(parts[0])) {
            throw new IllegalStateException("the secret of webhook subscription " + subscriptionId + " is in no known form");
        }
        SecretKey key = keys.get(parts[1]);
        if (key == null) {
            throw new IllegalStateException("the secret of webhook subscription " + subscriptionId + " is encrypted with key "
                    + parts[1] + ", which is not among HRM_NOTIFICATION_WEBHOOKS_ENCRYPTION_KEYS");
        }
        try {
            byte[] in = Base64.getUrlDecoder().decode(parts[2]);
            if (in.length <= NONCE_BYTES) {
                throw new IllegalStateException("the secret of webhook subscription " + subscriptionId + " is truncated");
            }
            byte[] nonce = Arrays.copyOfRange(in, 0, NONCE_BYTES);
            Cipher cipher = cipher(Cipher.DECRYPT_MODE, key, nonce, subscriptionId);
            return new String(cipher.doFinal(in, NONCE_BYTES, in.length - NONCE_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("the secret of webhook subscription " + subscriptionId + " does not decrypt with key "
                    + parts[1] + " (altered, or not this subscription's)");
        }
    }

    /** True when this stored secret is already encrypted under the current key. */
    boolean isCurrent(String stored) {
        return stored != null && stored.startsWith(VERSION + ":" + current + ":");
    }

    static boolean isPlain(String stored) {
        return stored != null && stored.startsWith(PLAIN_PREFIX);
    }

    private static Cipher cipher(int mode, SecretKey key, byte[] nonce, UUID subscriptionId) throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, nonce));
        cipher.updateAAD(("hrm-webhook-secret:" + subscriptionId).getBytes(StandardCharsets.UTF_8));
        return cipher;
    }

    private static byte[] decodeKey(String base64) {
        try {
            return Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException standard) {
            try {
                return Base64.getUrlDecoder().decode(base64);
            } catch (IllegalArgumentException urlSafe) {
                return null;
            }
        }
    }

    private static SecretKey developmentKey() {
        try {
            byte[] key = MessageDigest.getInstance("SHA-256")
                    .digest("hrm notification-service: webhook secrets, DEVELOPMENT ONLY, this key is public".getBytes(StandardCharsets.UTF_8));
            return new SecretKeySpec(key, "AES");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
