package org.apache.camel.component.kaizala.internal.operation;

import java.util.List;
import java.util.regex.Pattern;

import org.apache.camel.component.kaizala.api.KaizalaValidationException;

/** Input rules checked before anything is sent; each failure names the field and the rule. */
public final class Validate {

    /** A plus sign, the country code and the number: 8 to 15 digits in all, no spaces (ITU E.164). */
    private static final Pattern PHONE = Pattern.compile("\\+[1-9][0-9]{7,14}");
    private static final String PHONE_RULE = "a phone number is a plus sign, the country code and the number, without spaces (e.g. +15550100001)";

    private Validate() {
    }

    public static String required(String field, String value, String hint) {
        if (value == null || value.isBlank()) {
            throw new KaizalaValidationException(field, "required" + (hint == null ? "" : " — " + hint));
        }
        return value;
    }

    public static <T> T notNull(String field, T value) {
        if (value == null) {
            throw new KaizalaValidationException(field, "required");
        }
        return value;
    }

    public static void notEmpty(String field, java.util.Collection<?> values) {
        if (values == null || values.isEmpty()) {
            throw new KaizalaValidationException(field, "at least one required");
        }
    }

    /** One of the allowed values, matched case-insensitively; returns the value as Kaizala spells it. */
    public static String oneOf(String field, String value, List<String> allowed) {
        for (String candidate : allowed) {
            if (candidate.equalsIgnoreCase(value == null ? null : value.trim())) {
                return candidate;
            }
        }
        throw new KaizalaValidationException(field, "one of " + String.join(", ", allowed) + "; got '" + value + "'");
    }

    public static void phoneNumber(String field, String number) {
        required(field, number, "a phone number with + and country code, e.g. +15550100001");
        if (!PHONE.matcher(number).matches()) {
            throw new KaizalaValidationException(field, PHONE_RULE + "; got '" + number + "'" + plusHint(number));
        }
    }

    /**
     * A number that lacks only its plus sign most likely came through an endpoint URI, where a + is read as a space
     * (and %2B too, as Camel normalises the URI before reading its options): say how to write it there.
     */
    private static String plusHint(String number) {
        return number != null && number.trim().matches("[1-9][0-9]{7,14}")
                ? ". In an endpoint URI a + is read as a space: wrap the value in RAW(...), e.g. mobileNumber=RAW(+"
                        + number.trim() + "), or set it as a header"
                : "";
    }

    /** An absolute http or https URL. */
    public static void httpUrl(String field, String value) {
        try {
            java.net.URI uri = new java.net.URI(value);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(java.util.Locale.ROOT);
            if ((scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null) {
                return;
            }
        } catch (java.net.URISyntaxException e) {
            // reported below
        }
        throw new KaizalaValidationException(field, "an absolute https:// URL; got '" + value + "'");
    }

    public static void maxLength(String field, String value, int max) {
        if (value != null && value.length() > max) {
            throw new KaizalaValidationException(field, "at most " + max + " characters, got " + value.length());
        }
    }

    public static void phoneNumbers(String field, List<String> numbers, int max) {
        if (numbers == null) {
            return;
        }
        if (numbers.size() > max) {
            throw new KaizalaValidationException(field, "at most " + max + " phone numbers, got " + numbers.size());
        }
        for (int i = 0; i < numbers.size(); i++) {
            String number = numbers.get(i);
            if (number == null || !PHONE.matcher(number).matches()) {
                throw new KaizalaValidationException(field + "[" + i + "]", PHONE_RULE + "; got '" + number + "'"
                        + plusHint(number));
            }
        }
    }
}
