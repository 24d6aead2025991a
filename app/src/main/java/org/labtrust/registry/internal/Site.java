package org.labtrust.registry.internal;

import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/** A testing site (检验检测场所) of a body; scope rows name the site where the test is done. */
@Entity
@Table(name = "site")
public class Site {

	@Id
	private Long id;

	@ManyToOne(fetch = FetchType.LAZY)
	@JoinColumn(name = "body_id")
	private Body body;

	private String name;

	private String address;

	private String divisionCode;

	protected Site() {
	}
}
