package io.github.camelkaizala.example;

import java.util.Map;
import java.util.TreeMap;

import org.apache.camel.AggregationStrategy;
import org.apache.camel.Exchange;
import org.apache.camel.component.kaizala.event.ActionResponseData;
import org.apache.camel.component.kaizala.event.AnsweredQuestion;
import org.apache.camel.component.kaizala.event.KaizalaEvent;

/** Counts the answers to the survey's choice question, as SurveyResponse events arrive. */
public class SurveyTally implements AggregationStrategy {

    @Override
    public Exchange aggregate(Exchange tally, Exchange response) {
        Exchange result = tally != null ? tally : response;
        @SuppressWarnings("unchecked")
        Map<String, Integer> counts = tally != null ? tally.getMessage().getBody(Map.class) : new TreeMap<>();
        KaizalaEvent event = response.getMessage().getBody(KaizalaEvent.class);
        ActionResponseData data = event.dataAs(ActionResponseData.class);
        for (AnsweredQuestion answer : data.answers()) {
            if ("SingleOption".equals(answer.type())) {
                counts.merge(answer.answerText(), 1, Integer::sum);
            }
        }
        result.getMessage().setBody(counts);
        return result;
    }
}
