package org.apache.camel.component.kaizala.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * A like or a comment on an action (reference §11.1).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonPropertyOrder({"referenceId", "sourceGroupId", "reactionType", "comment"})
public class ReactionRequest {

    private String referenceId;
    private String sourceGroupId;
    private String reactionType;
    private String comment;

    public ReactionRequest() {
    }

    /** the action reacted to */
    public String getReferenceId() {
        return referenceId;
    }

    public void setReferenceId(String referenceId) {
        this.referenceId = referenceId;
    }

    public ReactionRequest referenceId(String referenceId) {
        setReferenceId(referenceId);
        return this;
    }

    /** the group where the action was sent */
    public String getSourceGroupId() {
        return sourceGroupId;
    }

    public void setSourceGroupId(String sourceGroupId) {
        this.sourceGroupId = sourceGroupId;
    }

    public ReactionRequest sourceGroupId(String sourceGroupId) {
        setSourceGroupId(sourceGroupId);
        return this;
    }

    /** Like or Comment */
    public String getReactionType() {
        return reactionType;
    }

    public void setReactionType(String reactionType) {
        this.reactionType = reactionType;
    }

    public ReactionRequest reactionType(String reactionType) {
        setReactionType(reactionType);
        return this;
    }

    /** the comment text (Comment only) */
    public String getComment() {
        return comment;
    }

    public void setComment(String comment) {
        this.comment = comment;
    }

    public ReactionRequest comment(String comment) {
        setComment(comment);
        return this;
    }

    @Override
    public String toString() {
        return "ReactionRequest[referenceId=" + referenceId
                + ", sourceGroupId=" + sourceGroupId
                + ", reactionType=" + reactionType
                + ", comment=" + comment + "]";
    }
}
