package org.apache.camel.component.kaizala;

import java.util.Set;
import java.util.stream.Stream;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.domain.JavaType;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import org.apache.camel.RuntimeCamelException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.type;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The component's layers (docs/design-notes.md): which package may use which, no import circle between them, and a
 * public face (the packages the bundle exports, {@link BundleManifestTest#PUBLIC_PACKAGES}) whose signatures name no
 * internal type.
 */
class LayersTest {

    static final String TOP = "org.apache.camel.component.kaizala";
    static final String API = TOP + ".api";
    static final String MODEL = TOP + ".model";
    static final String EVENT = TOP + ".event";
    static final String INTERNAL = TOP + ".internal..";
    static final String WIRE = TOP + ".internal.wire";
    static final String OPERATION = TOP + ".internal.operation";
    static final String WEBHOOK = TOP + ".internal.webhook";

    static JavaClasses component;

    @BeforeAll
    static void importComponent() {
        component = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(TOP);
    }

    @Test
    void noImportCircleBetweenPackages() {
        slices().assignedFrom(byPackage()).should().beFreeOfCycles().check(component);
    }

    @Test
    void apiUsesNoOtherPackageOfTheProject() {
        mayNotUse(API, TOP, MODEL, EVENT, INTERNAL).check(component);
    }

    @Test
    void modelAndEventUseOnlyTheApi() {
        mayNotUse(MODEL, TOP, EVENT, INTERNAL).check(component);
        mayNotUse(EVENT, TOP, INTERNAL).check(component);
    }

    @Test
    void wireIsBelowTheOperationsAndCamelFreeButForTheExceptionBase() {
        mayNotUse(WIRE, TOP, EVENT, OPERATION, WEBHOOK).check(component);
        noClasses().that().resideInAPackage(WIRE).should().dependOnClassesThat(
                resideInAPackage("org.apache.camel..").and(DescribedPredicate.not(resideInAPackage(TOP + "..")))
                        .and(DescribedPredicate.not(type(RuntimeCamelException.class))))
                .check(component);
    }

    @Test
    void operationsAndWebhookDoNotUseThePublicFace() {
        mayNotUse(OPERATION, TOP, WEBHOOK).check(component);
        mayNotUse(WEBHOOK, TOP).check(component);
    }

    @Test
    void exportedSignaturesNameNoInternalType() {
        classes().that().resideInAnyPackage(BundleManifestTest.PUBLIC_PACKAGES.toArray(String[]::new))
                .should(nameNoInternalTypeInTheirPublicSignatures()).check(component);
    }

    private static ArchRule mayNotUse(String layer, String... others) {
        return noClasses().that().resideInAPackage(layer).should().dependOnClassesThat(resideInAnyPackage(others))
                .because("docs/design-notes.md draws the layers");
    }

    /** One slice per package of the component. */
    private static SliceAssignment byPackage() {
        return new SliceAssignment() {

            @Override
            public SliceIdentifier getIdentifierOf(JavaClass javaClass) {
                return javaClass.getPackageName().startsWith(TOP)
                        ? SliceIdentifier.of(javaClass.getPackageName()) : SliceIdentifier.ignore();
            }

            @Override
            public String getDescription() {
                return "the component's packages";
            }
        };
    }

    /**
     * Of a class users can see (it and its enclosing classes public): its supertypes and the types of its public and
     * protected fields, methods and constructors (parameters, answers, exceptions, type arguments).
     */
    private static ArchCondition<JavaClass> nameNoInternalTypeInTheirPublicSignatures() {
        return new ArchCondition<>("name no internal type in their public or protected signatures") {

            @Override
            public void check(JavaClass owner, ConditionEvents events) {
                if (!visible(owner)) {
                    return;
                }
                Stream<JavaType> supertypes = Stream.concat(owner.getSuperclass().stream(),
                        owner.getInterfaces().stream());
                report(owner, "extends", supertypes, events);
                for (JavaField field : owner.getFields()) {
                    if (exposed(field.getModifiers())) {
                        report(owner, "field " + field.getName(), Stream.of(field.getType()), events);
                    }
                }
                for (JavaCodeUnit member : owner.getCodeUnits()) {
                    if (exposed(member.getModifiers()) && !member.getName().equals("<clinit>")) {
                        Stream<JavaType> types = Stream.concat(
                                Stream.concat(Stream.of(member.getReturnType()), member.getParameterTypes().stream()),
                                member.getThrowsClause().getTypes().stream().map(JavaType.class::cast));
                        report(owner, member.getName() + "(…)", types, events);
                    }
                }
            }
        };
    }

    private static void report(JavaClass owner, String where, Stream<JavaType> types, ConditionEvents events) {
        types.flatMap(t -> t.getAllInvolvedRawTypes().stream())
                .filter(t -> t.getPackageName().startsWith(TOP + ".internal"))
                .forEach(t -> events.add(SimpleConditionEvent.violated(owner,
                        owner.getName() + " " + where + " names the internal " + t.getName())));
    }

    private static boolean visible(JavaClass javaClass) {
        for (JavaClass c = javaClass; c != null; c = c.getEnclosingClass().orElse(null)) {
            if (!c.getModifiers().contains(JavaModifier.PUBLIC)) {
                return false;
            }
        }
        return true;
    }

    private static boolean exposed(Set<JavaModifier> modifiers) {
        return modifiers.contains(JavaModifier.PUBLIC) || modifiers.contains(JavaModifier.PROTECTED);
    }
}
