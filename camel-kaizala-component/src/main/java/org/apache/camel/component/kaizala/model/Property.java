package org.apache.camel.component.kaizala.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * A property of a custom action instance (reference §9.10).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonPropertyOrder({"name", "type", "value"})
public class Property {

    private String name;
    private String type;
    private String value;

    public Property() {
    }

    /** the property name */
    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public Property name(String name) {
        setName(name);
        return this;
    }

    /** Text, Numeric, Location, DateTime, StringList, Attachment, StringSet or AttachmentList */
    public String getType() {
        return type;
    }

    public void setType(String type) {
        this.type = type;
    }

    public Property type(String type) {
        setType(type);
        return this;
    }

    /** the value, as a string */
    public String getValue() {
        return value;
    }

    public void setValue(String value) {
        this.value = value;
    }

    public Property value(String value) {
        setValue(value);
        return this;
    }

    @Override
    public String toString() {
        return "Property[name=" + name + ", type=" + type + ", value=" + value + "]";
    }
}
