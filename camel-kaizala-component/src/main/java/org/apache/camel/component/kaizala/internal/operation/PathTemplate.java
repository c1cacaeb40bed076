package org.apache.camel.component.kaizala.internal.operation;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.camel.component.kaizala.internal.wire.KaizalaClient;

/** An operation's path with {@code {name}} placeholders, expanded with percent-encoded values per exchange. */
public final class PathTemplate {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z]+)}");

    private final List<String> literals = new ArrayList<>();
    private final List<Parameter> parameters = new ArrayList<>();
    /** The literals' length: with room for ids (Kaizala's are GUIDs with a suffix), the path fits without growing. */
    private final int literalLength;

    public PathTemplate(String template) {
        Matcher m = PLACEHOLDER.matcher(template);
        int last = 0;
        while (m.find()) {
            literals.add(template.substring(last, m.start()));
            parameters.add(Parameter.named(m.group(1)));
            last = m.end();
        }
        literals.add(template.substring(last));
        literalLength = literals.stream().mapToInt(String::length).sum();
    }

    public String expand(OperationInput input) {
        StringBuilder path = new StringBuilder(literalLength + 40 * parameters.size());
        path.append(literals.get(0));
        for (int i = 0; i < parameters.size(); i++) {
            path.append(KaizalaClient.encode(input.required(parameters.get(i)))).append(literals.get(i + 1));
        }
        return path.toString();
    }
}
