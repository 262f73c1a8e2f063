package io.tidecrm.notification.internal;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** HMAC-SHA256 signatures: ours on a webhook's body, and DingTalk's on a robot's address. */
final class WebhookSigner {

    /** The header that carries our signature: {@code sha256=<hex HMAC-SHA256 of the raw body>}. */
    static final String SIGNATURE_HEADER = "X-TideCRM-Signature-256";

    private WebhookSigner() {
    }

    static String signature(String secret, String body) {
        return "sha256=" + HexFormat.of().formatHex(hmac(secret, body));
    }

    /**
     * A DingTalk robot with signing on: {@code &timestamp=<ms>&sign=<url-encoded Base64 of
     * HMAC-SHA256(secret, timestamp + "\n" + secret)>} after its address.
     */
    static String dingTalkUrl(String url, String secret, long timestampMillis) {
        String sign = Base64.getEncoder().encodeToString(hmac(secret, timestampMillis + "\n" + secret));
        return url + (url.contains("?") ? "&" : "?") + "timestamp=" + timestampMillis + "&sign="
                + URLEncoder.encode(sign, StandardCharsets.UTF_8);
    }

    private static byte[] hmac(String secret, String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return mac.doFinal(text.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
