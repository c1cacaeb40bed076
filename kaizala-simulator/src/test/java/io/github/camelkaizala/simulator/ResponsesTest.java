package io.github.camelkaizala.simulator;

import java.time.Instant;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import static io.github.camelkaizala.simulator.KaizalaSimulator.DEFAULT_USER_MOBILE;
import static org.assertj.core.api.Assertions.assertThat;

class ResponsesTest extends SimulatorTestSupport {

    static final String ANSWERS = """
            {'actionType': 'Survey', 'actionBody': {'responseName': 'Store 17 - week 20',
              'responseLocation': {'latitude': 26.9196, 'longitude': 75.7878, 'name': 'Store 17'},
              'Answers': ['ST-017', 'Needs attention', ['Alpha', 'Gamma'], 14, {'lt': 26.9196, 'lg': 75.7878, 'n': 'Store 17'},
                          1526841000, '%s']}}""";

    @Test
    void surveyResponsesAttachToTheirActionAndShowInItsDetails() {
        Group g = sim.state().createGroup("Team", "+15550100001");
        String actionId = apiJson("POST", "/groups/" + g.id() + "/actions", ActionsTest.SURVEY).json().get("actionId")
                .asText();
        String photo = uploadImage("shelf.jpg");
        String path = "/groups/" + g.id() + "/actions/" + actionId + "/responses";
        Instant before = Instant.now();

        Reply r = apiJson("POST", path, ANSWERS.formatted(photo));

        assertThat(r.status()).as(r.body()).isEqualTo(200);
        String responseId = r.json().get("responseId").asText();
        ActionResponse stored = sim.state().action(actionId).orElseThrow().responses().get(0);
        assertThat(stored.responseId()).isEqualTo(responseId);
        assertThat(stored.responder()).isEqualTo(DEFAULT_USER_MOBILE);
        assertThat(stored.answers()).hasSize(7);
        assertThat(stored.answers().get(2).get(1).asText()).isEqualTo("Gamma");
        assertThat(stored.body().get("responseName").asText()).isEqualTo("Store 17 - week 20");
        assertThat(stored.at()).isAfterOrEqualTo(before.minusMillis(1));
        assertThat(stored.updated()).isFalse();

        // another member answers too (lower-case 'answers', single-choice given as a one-element array)
        token = accessTokenFor("+15550100001");
        Reply second = apiJson("POST", path,
                "{'actionType':'survey','actionBody':{'answers':['ST-018',['Good'],[],3,null,null,null]}}");
        assertThat(second.status()).as(second.body()).isEqualTo(200);
        token = sim.issueAccessToken(KaizalaSimulator.DEFAULT_APPLICATION_ID);

        JsonNode listed = api("GET", "/groups/" + g.id() + "/actions?actionType=Survey", null).json();
        assertThat(listed.get("actions").get(0).get("actionBody").get("responseCount").asInt()).isEqualTo(2);
        JsonNode details = api("GET", "/groups/" + g.id() + "/actions/" + actionId + "?getDetails=true", null)
                .json().get("actionDetails");
        assertThat(details.get("responseCount").asInt()).isEqualTo(2);
        assertThat(details.get("responses")).hasSize(2);
        JsonNode first = details.get("responses").get(0);
        assertThat(first.get("responseId").asText()).isEqualTo(responseId);
        assertThat(first.get("responder").asText()).isEqualTo(DEFAULT_USER_MOBILE);
        assertThat(first.get("answers").get(0).asText()).isEqualTo("ST-017");
        assertThat(first.get("responseName").asText()).isEqualTo("Store 17 - week 20");
        assertThat(first.get("respondedAt").asText()).isNotBlank();
        assertThat(first.get("isUpdateResponse").asBoolean()).isFalse();
        assertThat(details.get("responses").get(1).get("responder").asText()).isEqualTo("+15550100001");
    }

    @Test
    void oneResponsePerPersonUnlessMultipleAreAccepted() {
        Group g = sim.state().createGroup("Team", "+15550100001");
        Action single = sim.state().createSurvey(g.id(), "Once", "Name?");
        String path = "/groups/" + g.id() + "/actions/" + single.actionId() + "/responses";

        String first = apiJson("POST", path, "{'actionType':'Survey','actionBody':{'Answers':['a']}}").json()
                .get("responseId").asText();
        Reply again = apiJson("POST", path, "{'actionType':'Survey','actionBody':{'Answers':['b']}}");
        assertThat(again.json().get("responseId").asText()).isEqualTo(first);
        Reply byId = apiJson("POST", path,
                "{'actionType':'Survey','responseId':'" + first + "','actionBody':{'Answers':['c']}}");
        assertThat(byId.status()).as(byId.body()).isEqualTo(200);
        assertThat(sim.state().action(single.actionId()).orElseThrow().responses()).singleElement().satisfies(r -> {
            assertThat(r.answers().get(0).asText()).isEqualTo("c");
            assertThat(r.updated()).isTrue();
        });
        assertError(apiJson("POST", path, "{'actionType':'Survey','responseId':'nope','actionBody':{'Answers':['d']}}"),
                404,
                "ResponseNotFound", "nope");
        token = accessTokenFor("+15550100001");
        Reply notMine = apiJson("POST", path,
                "{'actionType':'Survey','responseId':'" + first + "','actionBody':{'Answers':['e']}}");
        assertThat(notMine.status()).isEqualTo(403);

        token = sim.issueAccessToken(KaizalaSimulator.DEFAULT_APPLICATION_ID);
        String many = apiJson("POST", "/groups/" + g.id() + "/actions", """
                {'actionType':'Survey','actionBody':{'title':'Visits','acceptMultipleResponses':true,
                 'questions':[{'title':'Store','type':'Text'}]}}""").json().get("actionId").asText();
        for (String store : new String[]{"1", "2", "3"}) {
            assertThat(apiJson("POST", "/groups/" + g.id() + "/actions/" + many + "/responses",
                    "{'actionType':'Survey','actionBody':{'Answers':['" + store + "']}}").status()).isEqualTo(200);
        }
        assertThat(sim.state().action(many).orElseThrow().responses()).hasSize(3);
    }

    @Test
    void jobResponsesCompleteTheJob() {
        Group g = sim.state().createGroup("Team", "+15550100002", "+15550100003");
        String jobId = apiJson("POST", "/groups/" + g.id() + "/actions",
                "{'actionType':'Job','actionBody':{'title':'Restock','assignedTo':['+15550100002','+15550100003']}}")
                .json().get("actionId").asText();
        String path = "/groups/" + g.id() + "/actions/" + jobId + "/responses";

        token = accessTokenFor("+15550100002");
        assertThat(apiJson("POST", path, "{'actionType':'Job','actionBody':{'isCompleted':true}}").status())
                .isEqualTo(200);
        JsonNode item = api("GET", "/groups/" + g.id() + "/actions?actionType=Job", null).json().get("actions").get(0)
                .get("actionBody");
        assertThat(item.get("responseCount").asInt()).isEqualTo(1);
        assertThat(item.get("isCompleted").asBoolean()).isFalse();

        token = accessTokenFor("+15550100003");
        assertThat(apiJson("POST", path, "{'actionType':'Job','actionBody':{'isCompleted':'true'}}").status())
                .isEqualTo(200);
        JsonNode details = api("GET", "/groups/" + g.id() + "/actions/" + jobId + "?getDetails=true", null).json()
                .get("actionDetails");
        assertThat(details.get("responseCount").asInt()).isEqualTo(2);
        assertThat(details.get("status").asBoolean()).isTrue();
        assertThat(details.get("isCompleted").asBoolean()).isTrue();
        assertThat(details.get("assigneeCount").asInt()).isEqualTo(2);
        assertThat(details.get("dueDate").asText()).isNotBlank();
        assertThat(details.get("responses")).hasSize(2);
        assertThat(details.get("responses").get(1).get("isCompleted").asBoolean()).isTrue();
        assertThat(sim.state().action(jobId).orElseThrow().responses()).allSatisfy(r -> {
            assertThat(r.isCompleted()).isTrue();
            assertThat(r.answers()).isNull();
        });
    }

    @Test
    void customActionResponses() {
        Group g = sim.state().createGroup("Team");
        String actionId = apiJson("POST", "/groups/" + g.id() + "/actions", """
                {'id':'com.contoso.kaizala.storeaudit','actionBody':{'title':'Audit',
                 'questions':[{'title':'Score','type':'Numeric'},{'title':'Notes','type':'Text'}]}}""").json()
                .get("actionId").asText();
        String path = "/groups/" + g.id() + "/actions/" + actionId + "/responses";

        Reply r = apiJson("POST", path, "{'id':'com.contoso.kaizala.storeaudit','actionBody':{'Answers':[8,'fine']}}");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(sim.state().action(actionId).orElseThrow().responses()).singleElement()
                .satisfies(resp -> assertThat(resp.answers().get(0).asInt()).isEqualTo(8));
        assertError(apiJson("POST", path, "{'id':'com.contoso.other','actionBody':{'Answers':[8,'fine']}}"), 400,
                "InvalidField", "'id'");
        assertError(apiJson("POST", path, "{'actionType':'Survey','actionBody':{'Answers':[8,'fine']}}"), 400,
                "InvalidField",
                "'actionType'");
        assertThat(api("GET", "/groups/" + g.id() + "/actions/" + actionId + "?getDetails=true", null)
                .json().get("actionDetails").get("responses")).hasSize(1);
    }

    @Test
    void badInputAndUnknownIds() {
        Group g = sim.state().createGroup("Team");
        String actionId = apiJson("POST", "/groups/" + g.id() + "/actions", ActionsTest.SURVEY).json().get("actionId")
                .asText();
        String pollId = apiJson("POST", "/groups/" + g.id() + "/actions",
                "{'actionType':'Poll','actionBody':{'question':'q','choices':[{'title':'a'}]}}").json().get("actionId")
                .asText();
        String path = "/groups/" + g.id() + "/actions/" + actionId + "/responses";

        assertError(apiJson("POST", path, "{'actionBody':{'Answers':[]}}"), 400, "MissingField", "actionType");
        assertError(apiJson("POST", path, "{'actionType':'Survey','id':'com.x.y','actionBody':{}}"), 400,
                "InvalidField", "'id'");
        assertError(apiJson("POST", path, "{'actionType':'Survey'}"), 400, "MissingField", "actionBody");
        assertError(apiJson("POST", path, "{'actionType':'Survey','actionBody':{}}"), 400, "MissingField",
                "'actionBody.Answers'");
        assertError(apiJson("POST", path, "{'actionType':'Survey','actionBody':{'Answers':'x'}}"), 400, "InvalidField",
                "'actionBody.Answers'");
        assertError(apiJson("POST", path, "{'actionType':'Survey','actionBody':{'Answers':['only one']}}"), 400,
                "InvalidField",
                "7 questions");
        assertError(
                apiJson("POST", path,
                        "{'actionType':'Survey','actionBody':{'Answers':['a','Excellent',[],1,null,null,null]}}"),
                400, "InvalidField", "'actionBody.Answers[1]'");
        assertError(
                apiJson("POST", path,
                        "{'actionType':'Survey','actionBody':{'Answers':['a','Good',[],'many',null,null,null]}}"),
                400, "InvalidField", "'actionBody.Answers[3]'");
        assertError(
                apiJson("POST", path,
                        "{'actionType':'Survey','actionBody':{'Answers':['a','Good',[],1,'here',null,null]}}"),
                400, "InvalidField", "'actionBody.Answers[4]'");
        assertError(
                apiJson("POST", path,
                        "{'actionType':'Survey','actionBody':{'Answers':[null,null,null,null,null,null,null],"
                                + "'responseLocation':{'latitude':1}}}"),
                400, "MissingField", "'actionBody.responseLocation.longitude'");
        assertError(apiJson("POST", path, "{'actionType':'Job','actionBody':{'isCompleted':true}}"), 400,
                "InvalidField",
                "'actionType'");
        assertError(apiJson("POST", path, "{'actionType':'Poll','actionBody':{}}"), 400, "InvalidField",
                "'actionType'");
        assertError(apiJson("POST", "/groups/" + g.id() + "/actions/" + pollId + "/responses",
                "{'actionType':'Survey','actionBody':{'Answers':['a']}}"), 400, "InvalidField", "'actionType'");
        assertError(apiJson("POST", "/groups/" + g.id() + "/actions/unknown/responses",
                "{'actionType':'Survey','actionBody':{'Answers':[]}}"), 404, "ActionNotFound", "unknown");
        assertError(apiJson("POST", "/groups/unknown/actions/" + actionId + "/responses",
                "{'actionType':'Survey','actionBody':{'Answers':[]}}"), 404, "GroupNotFound", "unknown");
        assertThat(sim.state().action(actionId).orElseThrow().responses()).isEmpty();

        String jobId = apiJson("POST", "/groups/" + g.id() + "/actions",
                "{'actionType':'Job','actionBody':{'title':'t','assignedTo':['+15550100002']}}").json().get("actionId")
                .asText();
        assertError(
                apiJson("POST", "/groups/" + g.id() + "/actions/" + jobId + "/responses",
                        "{'actionType':'Job','actionBody':{}}"),
                400, "MissingField", "'actionBody.isCompleted'");

        token = accessTokenFor("+15550100009"); // not a member
        assertThat(apiJson("POST", path,
                "{'actionType':'Survey','actionBody':{'Answers':[null,null,null,null,null,null,null]}}")
                .status()).isEqualTo(403);
    }
}
