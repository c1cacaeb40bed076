package org.apache.camel.component.kaizala.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * A place: latitude, longitude and name.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonPropertyOrder({"latitude", "longitude", "name"})
public class Place {

    private Double latitude;
    private Double longitude;
    private String name;

    public Place() {
    }

    /** latitude */
    public Double getLatitude() {
        return latitude;
    }

    public void setLatitude(Double latitude) {
        this.latitude = latitude;
    }

    public Place latitude(Double latitude) {
        setLatitude(latitude);
        return this;
    }

    /** longitude */
    public Double getLongitude() {
        return longitude;
    }

    public void setLongitude(Double longitude) {
        this.longitude = longitude;
    }

    public Place longitude(Double longitude) {
        setLongitude(longitude);
        return this;
    }

    /** the place name */
    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public Place name(String name) {
        setName(name);
        return this;
    }

    @Override
    public String toString() {
        return "Place[latitude=" + latitude + ", longitude=" + longitude + ", name=" + name + "]";
    }
}
