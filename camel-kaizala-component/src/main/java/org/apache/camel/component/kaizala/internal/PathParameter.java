package org.apache.camel.component.kaizala.internal;

import java.util.function.Function;

import org.apache.camel.component.kaizala.KaizalaConfiguration;
import org.apache.camel.component.kaizala.KaizalaConstants;

/** A {@code {name}} in an operation's path, and where its value comes from: the header, else the option. */
public enum PathParameter {

    GROUP_ID("groupId", KaizalaConstants.GROUP_ID, KaizalaConfiguration::getGroupId);

    private final String name;
    private final String header;
    private final Function<KaizalaConfiguration, String> option;

    PathParameter(String name, String header, Function<KaizalaConfiguration, String> option) {
        this.name = name;
        this.header = header;
        this.option = option;
    }

    public String parameterName() {
        return name;
    }

    public String header() {
        return header;
    }

    /** The value for this exchange; a {@code KaizalaValidationException} naming both sources when neither is set. */
    public String resolve(OperationInput input) {
        String value = input.string(header, option.apply(input.configuration()));
        return Validate.required(name, value, "set the " + name + " option or the " + header + " header");
    }

    public static PathParameter named(String name) {
        for (PathParameter parameter : values()) {
            if (parameter.name.equals(name)) {
                return parameter;
            }
        }
        throw new IllegalArgumentException("No path parameter named " + name);
    }
}
