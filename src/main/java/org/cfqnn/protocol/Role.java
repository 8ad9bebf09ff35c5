package org.cfqnn.protocol;

/** What an entity is. */
public enum Role {
    /** The air interface and the channel's clock (one per run). */
    WORLD("world"),
    /** The cloud processing unit (one per run). */
    CLOUD("cloud"),
    /** Access point m. */
    AP("ap"),
    /** The edge processing unit beside AP m. */
    EDGE("edge"),
    /** User k. */
    USER("user");

    private final String label;

    Role(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** True for roles with one entity per AP or user (an index), false for the singletons. */
    public boolean indexed() {
        return this == AP || this == EDGE || this == USER;
    }
}
