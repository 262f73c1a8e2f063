package io.tidecrm.customer.internal;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Folds a company name for the duplicate check (查重): full-width to half-width (NFKC), case,
 * white space and punctuation folded, and the common legal suffixes removed, so that
 * "北京字节跳动科技有限公司" and "北京字节跳动科技（有限责任公司）" are the same customer.
 */
final class CustomerNames {

    /** Longest first, so that 股份有限公司 goes before 有限公司. */
    private static final List<String> CHINESE_SUFFIXES = List.of(
            "集团股份有限公司", "集团有限公司", "股份有限公司", "有限责任公司", "有限公司", "集团公司", "集团", "公司");

    /** An English legal form, only as a separate word at the end ("Cisco" keeps its "co"). */
    private static final Pattern ENGLISH_SUFFIX = Pattern.compile(
            "[\\s\\p{P}]+(co[\\s\\p{P}]*ltd|corporation|company|limited|corp|ltd|inc|llc|gmbh|co)$");

    private static final Pattern TRAILING = Pattern.compile("[\\s\\p{P}\\p{S}]+$");
    private static final Pattern NOISE = Pattern.compile("[\\p{Z}\\s\\p{P}\\p{S}]+");

    private CustomerNames() {
    }

    static String key(String name) {
        String text = Normalizer.normalize(name == null ? "" : name, Normalizer.Form.NFKC)
                .toLowerCase(Locale.ROOT)
                .strip();
        String previous;
        do {
            previous = text;
            text = TRAILING.matcher(text).replaceAll("");
            text = ENGLISH_SUFFIX.matcher(text).replaceAll("");
            for (String suffix : CHINESE_SUFFIXES) {
                if (text.length() > suffix.length() && text.endsWith(suffix)) {
                    text = text.substring(0, text.length() - suffix.length());
                    break;
                }
            }
        } while (!text.equals(previous));
        String key = NOISE.matcher(text).replaceAll("");
        return key.isEmpty() ? NOISE.matcher(previous).replaceAll("") : key;
    }
}
