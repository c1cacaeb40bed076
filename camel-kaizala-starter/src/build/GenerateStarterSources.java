import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Writes the starter's {@code KaizalaComponentConfiguration} (one property per component option of the catalog, with
 * the catalog's description as javadoc, which Spring Boot's configuration processor turns into
 * spring-configuration-metadata.json) and {@code KaizalaComponentConverter} (bean references such as
 * {@code #myStore} for the options of an object type), the way camel-spring-boot-generator-maven-plugin writes them
 * for Camel's own components. Run by the build (exec-maven-plugin) with the component on the classpath:
 * {@code java -cp … GenerateStarterSources.java <output directory>}.
 */
public class GenerateStarterSources {

    private static final String CATALOG = "META-INF/org/apache/camel/component/kaizala/kaizala.json";
    private static final String PACKAGE = "org.apache.camel.component.kaizala.springboot";
    private static final Map<String, String> WRAPPERS = Map.of("boolean", "java.lang.Boolean", "int", "java.lang.Integer",
            "long", "java.lang.Long", "double", "java.lang.Double", "float", "java.lang.Float", "short", "java.lang.Short",
            "byte", "java.lang.Byte", "char", "java.lang.Character");

    public static void main(String[] args) throws Exception {
        JsonNode catalog;
        try (InputStream in = GenerateStarterSources.class.getClassLoader().getResourceAsStream(CATALOG)) {
            if (in == null) {
                throw new IllegalStateException(CATALOG + " is not on the classpath: build camel-kaizala first");
            }
            catalog = new ObjectMapper().readTree(in);
        }
        String scheme = catalog.path("component").path("scheme").asText();
        Path dir = Path.of(args[0], PACKAGE.split("\\."));
        Files.createDirectories(dir);

        StringBuilder fields = new StringBuilder();
        StringBuilder accessors = new StringBuilder();
        List<String> beanTypes = new ArrayList<>();
        property(fields, accessors, "enabled", "java.lang.Boolean", null, false,
                "Whether to enable auto configuration of the " + scheme + " component. This is enabled by default.");
        for (Map.Entry<String, JsonNode> entry : catalog.path("componentProperties").properties()) {
            JsonNode option = entry.getValue();
            String javaType = WRAPPERS.getOrDefault(option.path("javaType").asText(), option.path("javaType").asText());
            if ("duration".equals(option.path("type").asText()) && "java.lang.Long".equals(javaType)) {
                // Spring binds 15000 (milliseconds) and 15s alike; Camel converts the Duration for the component
                javaType = "java.time.Duration";
            }
            if ("object".equals(option.path("type").asText()) && !javaType.startsWith("java.")) {
                beanTypes.add(javaType);
            }
            property(fields, accessors, entry.getKey(), javaType, option.get("defaultValue"),
                    option.path("deprecated").asBoolean(), option.path("description").asText());
        }

        Files.writeString(dir.resolve("KaizalaComponentConfiguration.java"), """
                package %1$s;

                import org.apache.camel.spring.boot.ComponentConfigurationPropertiesCommon;
                import org.springframework.boot.context.properties.ConfigurationProperties;

                /**
                 * %3$s
                 *
                 * Generated from the component's catalog by GenerateStarterSources - do not edit.
                 */
                @ConfigurationProperties(prefix = "camel.component.%2$s")
                public class KaizalaComponentConfiguration extends ComponentConfigurationPropertiesCommon {
                %4$s%5$s}
                """.formatted(PACKAGE, scheme, javadoc(catalog.path("component").path("description").asText()),
                fields, accessors));

        StringBuilder pairs = new StringBuilder();
        StringBuilder cases = new StringBuilder();
        for (String type : beanTypes) {
            pairs.append("        answer.add(new ConvertiblePair(String.class, ").append(type).append(".class));\n");
            cases.append("            case \"").append(type).append("\": return applicationContext.getBean(ref, ")
                    .append(type).append(".class);\n");
        }
        Files.writeString(dir.resolve("KaizalaComponentConverter.java"), """
                package %1$s;

                import java.util.LinkedHashSet;
                import java.util.Set;

                import org.springframework.beans.factory.annotation.Autowired;
                import org.springframework.boot.context.properties.ConfigurationPropertiesBinding;
                import org.springframework.context.ApplicationContext;
                import org.springframework.context.annotation.Configuration;
                import org.springframework.core.convert.TypeDescriptor;
                import org.springframework.core.convert.converter.GenericConverter;
                import org.springframework.stereotype.Component;

                /**
                 * Binds {@code #name} and {@code #bean:name} (a bean of the application context) to the options of an object
                 * type, e.g. {@code camel.component.%2$s.token-store = #myTokenStore}.
                 *
                 * Generated from the component's catalog by GenerateStarterSources - do not edit.
                 */
                @Configuration(proxyBeanMethods = false)
                @ConfigurationPropertiesBinding
                @Component
                public class KaizalaComponentConverter implements GenericConverter {

                    @Autowired
                    private ApplicationContext applicationContext;

                    @Override
                    public Set<ConvertiblePair> getConvertibleTypes() {
                        Set<ConvertiblePair> answer = new LinkedHashSet<>();
                %3$s        return answer;
                    }

                    @Override
                    public Object convert(Object source, TypeDescriptor sourceType, TypeDescriptor targetType) {
                        if (source == null) {
                            return null;
                        }
                        String ref = source.toString();
                        if (!ref.startsWith("#")) {
                            return null;
                        }
                        ref = ref.startsWith("#bean:") ? ref.substring(6) : ref.substring(1);
                        switch (targetType.getName()) {
                %4$s        }
                        return null;
                    }
                }
                """.formatted(PACKAGE, scheme, pairs, cases));
    }

    private static void property(StringBuilder fields, StringBuilder accessors, String name, String type,
            JsonNode defaultValue, boolean deprecated, String description) {
        String capitalized = Character.toUpperCase(name.charAt(0)) + name.substring(1);
        String initializer = "";
        if (defaultValue != null && !defaultValue.isNull() && !defaultValue.asText().isEmpty()) {
            String value = defaultValue.asText();
            initializer = switch (type) {
                case "java.lang.String" -> " = \"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
                case "java.lang.Long" -> " = " + value + "L";
                case "java.lang.Integer", "java.lang.Boolean" -> " = " + value;
                case "java.time.Duration" -> " = java.time.Duration.ofMillis(" + value + ")";
                default -> "";
            };
        }
        String deprecation = deprecated ? "    @Deprecated\n" : "";
        fields.append("\n    /**\n     * ").append(javadoc(description)).append("\n     */\n").append(deprecation)
                .append("    private ").append(type).append(' ').append(name).append(initializer).append(";\n");
        accessors.append('\n').append(deprecation)
                .append("    public ").append(type).append(" get").append(capitalized).append("() {\n        return ")
                .append(name).append(";\n    }\n\n").append(deprecation)
                .append("    public void set").append(capitalized).append('(').append(type).append(' ').append(name)
                .append(") {\n        this.").append(name).append(" = ").append(name).append(";\n    }\n");
    }

    /** The description as one javadoc line: nothing in it may end the comment. */
    private static String javadoc(String text) {
        return text.replace("*/", "*&#47;").replace("\n", " ");
    }
}
