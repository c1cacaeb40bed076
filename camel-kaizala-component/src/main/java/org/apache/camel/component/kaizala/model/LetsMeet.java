package org.apache.camel.component.kaizala.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * A meeting invitation (reference §9.8). The duration is sent both as DurationInMins and duration.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonPropertyOrder({"title", "startingTime", "DurationInMins", "duration", "place", "agenda", "isSenderOnly"})
public class LetsMeet {

    private String title;
    private String startingTime;
    private Integer durationInMins;
    private Integer duration;
    private Place place;
    private String agenda;
    private Boolean isSenderOnly;

    public LetsMeet() {
    }

    /** the meeting title */
    public String getTitle() {
        return title;
    }

    public void setTitle(String title) {
        this.title = title;
    }

    public LetsMeet title(String title) {
        setTitle(title);
        return this;
    }

    /** the start, ISO-8601 UTC (e.g. 2026-05-21T04:30:00Z) */
    public String getStartingTime() {
        return startingTime;
    }

    public void setStartingTime(String startingTime) {
        this.startingTime = startingTime;
    }

    public LetsMeet startingTime(String startingTime) {
        setStartingTime(startingTime);
        return this;
    }

    /** the length in minutes (default 30) */
    @JsonProperty("DurationInMins")
    public Integer getDurationInMins() {
        return durationInMins;
    }

    @JsonProperty("DurationInMins")
    public void setDurationInMins(Integer durationInMins) {
        this.durationInMins = durationInMins;
    }

    public LetsMeet durationInMins(Integer durationInMins) {
        setDurationInMins(durationInMins);
        return this;
    }

    /** the same length, as the GET answers spell it; filled in from durationInMins */
    public Integer getDuration() {
        return duration;
    }

    public void setDuration(Integer duration) {
        this.duration = duration;
    }

    public LetsMeet duration(Integer duration) {
        setDuration(duration);
        return this;
    }

    /** where */
    public Place getPlace() {
        return place;
    }

    public void setPlace(Place place) {
        this.place = place;
    }

    public LetsMeet place(Place place) {
        setPlace(place);
        return this;
    }

    /** the agenda */
    public String getAgenda() {
        return agenda;
    }

    public void setAgenda(String agenda) {
        this.agenda = agenda;
    }

    public LetsMeet agenda(String agenda) {
        setAgenda(agenda);
        return this;
    }

    /** only the sender sees the summary */
    public Boolean getIsSenderOnly() {
        return isSenderOnly;
    }

    public void setIsSenderOnly(Boolean isSenderOnly) {
        this.isSenderOnly = isSenderOnly;
    }

    public LetsMeet isSenderOnly(Boolean isSenderOnly) {
        setIsSenderOnly(isSenderOnly);
        return this;
    }

    @Override
    public String toString() {
        return "LetsMeet[title=" + title
                + ", startingTime=" + startingTime
                + ", durationInMins=" + durationInMins
                + ", duration=" + duration
                + ", place=" + place
                + ", agenda=" + agenda
                + ", isSenderOnly=" + isSenderOnly + "]";
    }
}
