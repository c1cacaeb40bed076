package org.apache.camel.component.kaizala.internal;

import java.util.List;
import java.util.regex.Pattern;

import org.apache.camel.component.kaizala.KaizalaValidationException;

/** Input rules checked before anything is sent; each failure names the field and the rule. */
public final class Validate {

    /** A plus sign, the country code and the number: 8 to 15 digits in all, no spaces (ITU E.164). */
    private static final Pattern PHONE = Pattern.compile("\\+[1-9][0-9]{7,14}");

    private Validate() {
    }

    public static String required(String field, String value, String hint) {
        if (value == null || value.isBlank()) {
            throw new KaizalaValidationException(field, "required" + (hint == null ? "" : " — " + hint));
        }
        return value;
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
                throw new KaizalaValidationException(field + "[" + i + "]",
                        "a phone number is a plus sign, the country code and the number, without spaces"
                                                                + " (e.g. +15550100001); got '" + number + "'");
            }
        }
    }
}
