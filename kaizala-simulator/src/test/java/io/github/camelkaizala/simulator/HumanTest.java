package io.github.camelkaizala.simulator;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@code sim.human(mobile)}: acting in groups without HTTP, through the same checks and events as REST. */
class HumanTest extends SimulatorTestSupport {

    static final String MEERA = "+919800000102";

    @Test
    void aNumberHasOneUserIdAndName() {
        Group g = sim.state().createGroup("Team", MEERA);
        Human meera = sim.human(MEERA);

        assertThat(meera.userId()).isEqualTo(sim.human(MEERA).userId()).isEqualTo(g.member(MEERA).orElseThrow().id());
        assertThat(meera.name()).isEqualTo("User " + MEERA);
        assertThat(meera.mobile()).isEqualTo(MEERA);
        assertThat(api("GET", "/groups/" + g.id() + "/members", null).json().get("members").get(1).get("id").asText())
                .isEqualTo(meera.userId());
        assertThatThrownBy(() -> sim.human("0101")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void joiningAndLeaving() {
        Group g = sim.state().createGroup("Team");
        Human kavya = sim.human("+919800000104");

        assertThatThrownBy(() -> kavya.postText(g.id(), "hi")).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("Forbidden");
        assertThat(kavya.join(g.id())).isTrue();
        assertThat(kavya.join(g.id())).isFalse();
        assertThat(sim.state().group(g.id()).orElseThrow().member(kavya.mobile()).orElseThrow().role())
                .isEqualTo("Member");
        String ref = kavya.postText(g.id(), "hi");
        assertThat(sim.state().group(g.id()).orElseThrow().messages()).extracting(Message::referenceId, Message::sender)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(ref, kavya.mobile()));
        assertThat(kavya.leave(g.id())).isTrue();
        assertThat(kavya.leave(g.id())).isFalse();
        assertThat(sim.webhooks().events()).extracting(Event::eventType, Event::fromUser).containsExactly(
                org.assertj.core.groups.Tuple.tuple("MemberAdded", kavya.mobile()),
                org.assertj.core.groups.Tuple.tuple("TextMessageCreated", kavya.mobile()),
                org.assertj.core.groups.Tuple.tuple("MemberRemoved", kavya.mobile()));
        assertThatThrownBy(() -> kavya.join("no-such-group")).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("GroupNotFound");
    }

    @Test
    void respondingIsCheckedAsOverRest() {
        Group g = sim.state().createGroup("Team", MEERA);
        Human meera = sim.human(MEERA);
        Action survey = sim.postSurvey(g.id(), "Visit", "Store code", "Notes");
        Action job = sim.postJob(g.id(), "Restock", MEERA);

        String first = meera.answerSurvey(g.id(), survey.actionId(), "ST-017", null);
        String again = meera.answerSurvey(g.id(), survey.actionId(), "ST-018", "fine");
        assertThat(again).isEqualTo(first);
        ActionResponse r = sim.state().action(survey.actionId()).orElseThrow().response(first).orElseThrow();
        assertThat(r.updated()).isTrue();
        assertThat(r.answers().toString()).isEqualTo("[\"ST-018\",\"fine\"]");

        assertThatThrownBy(() -> meera.answerSurvey(g.id(), survey.actionId(), "only one"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("actionBody.Answers");
        assertThatThrownBy(() -> meera.completeJob(g.id(), survey.actionId()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not a Job");
        assertThatThrownBy(() -> meera.respondToAction(g.id(), survey.actionId(), "x", "y"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("custom action");
        assertThatThrownBy(() -> meera.answerSurvey(g.id(), "no-such-action", "x"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("ActionNotFound");

        String done = meera.completeJob(g.id(), job.actionId());
        assertThat(sim.state().action(job.actionId()).orElseThrow().response(done).orElseThrow().isCompleted())
                .isTrue();
    }

    @Test
    void postingAndManaging() {
        Group g = sim.state().createGroup("Team", MEERA);
        Group child = sim.state().createGroup("Child");
        Human meera = sim.human(MEERA);

        String ref = meera.postAttachment(g.id(), "report.pdf", "application/pdf", null);
        Action doc = sim.state().group(g.id()).orElseThrow().actions().get(0);
        assertThat(doc.referenceId()).isEqualTo(ref);
        assertThat(doc.actionType()).isEqualTo("Document");
        assertThat(doc.actionId()).isNull();
        assertThat(sim.state().media(doc.body().get("mediaResource").asText()).orElseThrow().file().name())
                .isEqualTo("report.pdf");
        assertThatThrownBy(() -> meera.postAttachment(g.id(), "x.gif", "image/gif", null))
                .isInstanceOf(IllegalArgumentException.class);

        Action custom = meera.postCustomAction(g.id(), "com.contoso.audit", Map.of("title", "Audit"));
        assertThat(custom.packageId()).isEqualTo("com.contoso.audit");
        assertThat(meera.respondToAction(g.id(), custom.actionId(), "anything", 1)).isNotBlank();
        assertThatThrownBy(() -> meera.postAction(g.id(), "Survey", Map.of("title", "No questions")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("actionBody.questions");
        assertThat(sim.postAnnouncement(g.id(), "News", "Read this").actionType()).isEqualTo("Announcement");

        assertThatThrownBy(() -> meera.linkSubGroup(g.id(), child.id())).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("not an admin");
        sim.linkSubGroup(g.id(), child.id());
        assertThat(sim.state().group(g.id()).orElseThrow().subGroups()).containsExactly(child.id());
        sim.unlinkSubGroup(g.id(), child.id());
        assertThat(sim.state().group(g.id()).orElseThrow().subGroups()).isEmpty();

        Human admin = sim.human(KaizalaSimulator.DEFAULT_USER_MOBILE);
        admin.addMembers(g.id(), "+919800000105", MEERA);
        admin.removeMember(g.id(), "+919800000105");
        assertThat(sim.webhooks().events()).extracting(Event::eventType).containsExactly("AttachmentCreated",
                "ActionCreated", "ActionResponse", "Announcement", "GroupAdded", "GroupRemoved", "MemberAdded",
                "MemberRemoved");
        assertThat(sim.webhooks().events()).extracting(Event::groupId).containsOnly(g.id());
        assertThat(sim.webhooks().events().get(2).packageId()).isEqualTo("com.contoso.audit");
        assertThat(List.of(sim.webhooks().events().get(6).fromUser()))
                .containsExactly(KaizalaSimulator.DEFAULT_USER_MOBILE);
    }
}
