package org.apache.camel.component.kaizala.event;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** The questions of a response event, each with its answer. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ResponseDetails(List<AnsweredQuestion> responseWithQuestions) {}
