package io.github.camelkaizala.quarkus.deployment;

import java.util.List;

import io.github.camelkaizala.quarkus.KaizalaEventRoutes;
import io.github.camelkaizala.quarkus.KaizalaRecorder;
import io.quarkus.arc.deployment.AdditionalBeanBuildItem;
import io.quarkus.deployment.annotations.BuildStep;
import io.quarkus.deployment.annotations.ExecutionTime;
import io.quarkus.deployment.annotations.Record;
import io.quarkus.deployment.builditem.CombinedIndexBuildItem;
import io.quarkus.deployment.builditem.ExtensionSslNativeSupportBuildItem;
import io.quarkus.deployment.builditem.FeatureBuildItem;
import io.quarkus.deployment.builditem.IndexDependencyBuildItem;
import io.quarkus.deployment.builditem.nativeimage.ExcludeConfigBuildItem;
import io.quarkus.deployment.builditem.nativeimage.NativeImageResourcePatternsBuildItem;
import io.quarkus.deployment.builditem.nativeimage.ReflectiveClassBuildItem;
import org.apache.camel.quarkus.core.deployment.spi.RuntimeCamelContextCustomizerBuildItem;
import org.jboss.jandex.ClassInfo;
import org.jboss.jandex.DotName;
import org.jboss.jandex.IndexView;

class KaizalaProcessor {

    static final String FEATURE = "camel-kaizala";

    /** Where the classes Jackson binds live: request and answer models, webhook events. */
    static final List<DotName> JACKSON_PACKAGES = List.of(
            DotName.createSimple("org.apache.camel.component.kaizala.model"),
            DotName.createSimple("org.apache.camel.component.kaizala.event"));

    @BuildStep
    FeatureBuildItem feature() {
        return new FeatureBuildItem(FEATURE);
    }

    @BuildStep
    IndexDependencyBuildItem indexComponent() {
        return new IndexDependencyBuildItem("io.github.camelkaizala", "camel-kaizala");
    }

    /** Every class of the model and event packages, as the index has them (nested types included). */
    @BuildStep
    ReflectiveClassBuildItem jacksonTypes(CombinedIndexBuildItem index) {
        return ReflectiveClassBuildItem.builder(jacksonTypes(index.getIndex()).toArray(String[]::new))
                .constructors().methods().fields().reason(FEATURE + ": bound by Jackson").build();
    }

    static List<String> jacksonTypes(IndexView index) {
        return JACKSON_PACKAGES.stream()
                .flatMap(pkg -> index.getClassesInPackage(pkg).stream())
                .map(ClassInfo::name).map(DotName::toString).sorted().toList();
    }

    /**
     * The component jar also carries a static reflect-config.json for native builds without Quarkus; under Quarkus the
     * registration above (checked by JacksonReflectionTest) is the only one.
     */
    @BuildStep
    ExcludeConfigBuildItem staticReflectConfig() {
        return new ExcludeConfigBuildItem("camel-kaizala-[^/]*\\.jar",
                "/META-INF/native-image/io.github.camelkaizala/camel-kaizala/reflect-config.json");
    }

    /** The Kamelets and the catalog JSON the jar carries (Camel JBang, Kaoto and the dev consoles read them). */
    @BuildStep
    NativeImageResourcePatternsBuildItem resources() {
        return NativeImageResourcePatternsBuildItem.builder()
                .includeGlobs("kamelets/kaizala-*.kamelet.yaml",
                        "META-INF/org/apache/camel/component/kaizala/*.json",
                        "META-INF/org/apache/camel/dev-console/kaizala.json")
                .build();
    }

    /** Kaizala is called over HTTPS. */
    @BuildStep
    ExtensionSslNativeSupportBuildItem ssl() {
        return new ExtensionSslNativeSupportBuildItem(FEATURE);
    }

    @BuildStep
    AdditionalBeanBuildItem eventRoutesBean() {
        return AdditionalBeanBuildItem.unremovableOf(KaizalaEventRoutes.class);
    }

    /** kaizala:events routes start once Quarkus's HTTP server listens (see {@link KaizalaEventRoutes}). */
    @BuildStep
    @Record(ExecutionTime.RUNTIME_INIT)
    RuntimeCamelContextCustomizerBuildItem startEventRoutesOnceServing(KaizalaRecorder recorder) {
        return new RuntimeCamelContextCustomizerBuildItem(recorder.startEventRoutesOnceServing());
    }

}
