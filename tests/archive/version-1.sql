-- An archive as infonote wrote it at schema version 1 (before the organizations
-- table): the tables of version 1 and the rows of two notes, sample and
-- en-heading-labels, loaded on 2025-01-15. tests/archive.test.ts builds an
-- SQLite file from it and checks that infonote migrates it.
PRAGMA application_id = 1229866575;
PRAGMA user_version = 1;
BEGIN;
CREATE TABLE infonote (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE notes (
  key INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  current_version INTEGER REFERENCES versions(id) DEFERRABLE INITIALLY DEFERRED
);
CREATE TABLE versions (
  id INTEGER PRIMARY KEY,
  note_id TEXT NOT NULL REFERENCES notes(id),
  number INTEGER NOT NULL,
  sha256 TEXT NOT NULL,
  source_path TEXT,
  loaded_at TEXT NOT NULL,
  record TEXT NOT NULL,
  UNIQUE (note_id, number)
);
CREATE INDEX versions_sha256 ON versions(sha256);
CREATE TABLE events (
  note_id TEXT PRIMARY KEY REFERENCES notes(id),
  name TEXT NOT NULL,
  language TEXT,
  title TEXT,
  dates_text TEXT,
  start_date TEXT NOT NULL,
  end_date TEXT,
  venue_text TEXT,
  place TEXT,
  city TEXT,
  country TEXT,
  country_code TEXT,
  venue_detail TEXT
);
CREATE INDEX events_start_date ON events(start_date);
CREATE INDEX events_country_code ON events(country_code, start_date);
CREATE TABLE organizers (
  note_id TEXT NOT NULL REFERENCES notes(id),
  position INTEGER NOT NULL,
  name TEXT NOT NULL,
  acronym TEXT,
  org TEXT,
  role TEXT,
  PRIMARY KEY (note_id, position)
);
CREATE TABLE participants (
  note_id TEXT NOT NULL REFERENCES notes(id),
  position INTEGER NOT NULL,
  category TEXT NOT NULL,
  label TEXT NOT NULL,
  name TEXT NOT NULL,
  country_code TEXT,
  state_group TEXT,
  acronym TEXT,
  org TEXT,
  role TEXT,
  PRIMARY KEY (note_id, position)
);
CREATE INDEX participants_country_code ON participants(country_code);
CREATE TABLE sections (
  note_id TEXT NOT NULL REFERENCES notes(id),
  position INTEGER NOT NULL,
  number INTEGER NOT NULL,
  title TEXT NOT NULL,
  kind TEXT NOT NULL,
  text TEXT NOT NULL,
  PRIMARY KEY (note_id, position)
);
CREATE TABLE footnotes (
  note_id TEXT NOT NULL REFERENCES notes(id),
  position INTEGER NOT NULL,
  marker TEXT NOT NULL,
  text TEXT NOT NULL,
  PRIMARY KEY (note_id, position)
);
CREATE TABLE contacts (
  note_id TEXT NOT NULL REFERENCES notes(id),
  position INTEGER NOT NULL,
  type TEXT NOT NULL,
  value TEXT NOT NULL,
  PRIMARY KEY (note_id, position)
);
CREATE INDEX contacts_value ON contacts(value);
CREATE VIRTUAL TABLE search USING fts5(
  name, sections, organizers, participants,
  tokenize = 'unicode61 remove_diacritics 2'
);
INSERT INTO infonote (key, value) VALUES ('format', 'infonote archive');
INSERT INTO infonote (key, value) VALUES ('schema', '1');
INSERT INTO notes (key, id, current_version) VALUES (1, '2012-03-12-seminar-for-the-andean-community-states-united-nations-security-council', 1);
INSERT INTO notes (key, id, current_version) VALUES (2, '2014-12-29-national-workshop-on-the-development-of-a-voluntary-national-implementation', 2);
INSERT INTO versions (id, note_id, number, sha256, source_path, loaded_at, record) VALUES (1, '2012-03-12-seminar-for-the-andean-community-states-united-nations-security-council', 1, 'a6da4045d8cea0c3ed5114f7ee03629aa3135fc7b5eda2f05b44ee05e9c0c284', 'input/000_8cd83aa58013035f.txt', '2025-01-15T09:30:00.000Z', '{
  "schemaVersion": 3,
  "id": "2012-03-12-seminar-for-the-andean-community-states-united-nations-security-council",
  "source": {
    "path": "input/000_8cd83aa58013035f.txt",
    "sha256": "a6da4045d8cea0c3ed5114f7ee03629aa3135fc7b5eda2f05b44ee05e9c0c284",
    "encoding": "utf-8"
  },
  "language": "en",
  "title": "Information Note",
  "event": {
    "name": "Seminar for the Andean Community States: United Nations Security Council Resolution 1540",
    "dates": {
      "text": "12-14 March 2012",
      "start": "2012-03-12",
      "end": "2012-03-14"
    },
    "venue": {
      "text": "Bogota, Colombia",
      "city": "Bogota",
      "country": "Colombia",
      "countryCode": "CO"
    },
    "organizers": [
      {
        "name": "Government of Colombia"
      },
      {
        "name": "Stimson Centre"
      },
      {
        "name": "Stanley Foundation",
        "org": "stanley-center"
      },
      {
        "name": "Office of the Assistant Secretary General of the Organization of American States",
        "acronym": "OAS",
        "org": "oas"
      },
      {
        "name": "UN Office of Disarmament Affairs"
      }
    ]
  },
  "participants": [
    {
      "category": "states",
      "label": "States",
      "entries": [
        {
          "name": "Bolivia",
          "countryCode": "BO",
          "group": "Member States of the Andean Community"
        },
        {
          "name": "Colombia",
          "countryCode": "CO",
          "group": "Member States of the Andean Community"
        },
        {
          "name": "Ecuador",
          "countryCode": "EC",
          "group": "Member States of the Andean Community"
        },
        {
          "name": "Peru",
          "countryCode": "PE",
          "group": "Member States of the Andean Community"
        },
        {
          "name": "Canada",
          "countryCode": "CA"
        },
        {
          "name": "Finland",
          "countryCode": "FI"
        },
        {
          "name": "Japan",
          "countryCode": "JP"
        },
        {
          "name": "USA",
          "countryCode": "US"
        }
      ]
    },
    {
      "category": "internationalOrganizations",
      "label": "International organizations",
      "entries": [
        {
          "name": "Secretariat of the Andean Community"
        },
        {
          "name": "CARICOM",
          "acronym": "CARICOM",
          "org": "caricom"
        },
        {
          "name": "CWC"
        },
        {
          "name": "IAEA",
          "acronym": "IAEA",
          "org": "iaea"
        },
        {
          "name": "OAS",
          "acronym": "OAS",
          "org": "oas"
        },
        {
          "name": "SICA",
          "acronym": "SICA",
          "org": "sica"
        },
        {
          "name": "UNODC",
          "acronym": "UNODC",
          "org": "unodc"
        }
      ]
    },
    {
      "category": "civilSociety",
      "label": "Civil society including the private sector",
      "entries": [
        {
          "name": "Securus Strategic Trade Solutions LLC"
        },
        {
          "name": "Stanley Foundation",
          "org": "stanley-center"
        },
        {
          "name": "Stimson Center",
          "org": "stimson-center"
        },
        {
          "name": "VERTIC",
          "acronym": "VERTIC",
          "org": "vertic"
        }
      ]
    }
  ],
  "sections": [
    {
      "number": 1,
      "title": "Objectives for a 1540 Committee expert participation",
      "kind": "objectives",
      "items": [
        {
          "text": "Raise awareness among the represented States of the importance of resolution 1540 and its full implementation;"
        },
        {
          "text": "Explain resolution 1540 (2004) requirements;"
        },
        {
          "text": "Identify obstacles and challenges in the adoption of national legislation and the need for assistance to alleviate any lack of capacity to implement the resolution;"
        },
        {
          "text": "Explore the potential of a sub-regional approach;"
        },
        {
          "text": "Follow up on previous discussions with the Andean Community States, to obtain help from the 1540 Committee regarding the inclusion of elements of the resolution into developments to be undertaken by the Community."
        }
      ],
      "paragraphs": []
    },
    {
      "number": 2,
      "title": "Background",
      "kind": "background",
      "items": [
        {
          "text": "Encouraged by the success experienced by the CARICOM and SICA model in using a coordinator on the implementation of resolution 1540, the Seminar could prove helpful in the organization of an additional Seminar to seek similar coordination possibilities for the Andean Community region."
        },
        {
          "text": "The agenda was arranged in such a manner to allow discussion derived from introductory remarks made by the host country, the 1540 Committee expert and the representative of the OAS."
        }
      ],
      "paragraphs": []
    },
    {
      "number": 3,
      "title": "Highlights",
      "kind": "highlights",
      "items": [],
      "paragraphs": [
        "The workshop stressed that the Andean Community could encourage a regional approach to develop a better solution in facing security threats through joint efforts by member States.",
        "Such goal would involve the development of plans for the implementation of the obligations of States through effective measures capable of preventing the proliferation of weapons of mass destruction as well as other measures that can help states to build a barrier against threats to security in a context of a sub regional organization.",
        "The possibility of having the Andean Community as a focal point within the region could be useful to identify common needs and access to technical assistance requirements as well as available resources for addressing security threats in the region.",
        "The Andean Community event provided an opportunity for States to renew their commitment to the non-proliferation of weapons of mass destruction (WMD) and their means of delivery and opened a new approach for sub-regional organizations to help States meet their commitment to control WMD-related materials including penalties for violations.",
        "Additionally the Andean Community States will not only carry further the implementation of Resolution 1540, but will also build capacity in other security issues and economic development areas, including small arms and drug trafficking, that are higher priority challenges in the region",
        "The significance of the role of the sub-regional organizations for the implementation of resolution 1540 was underscored by the participants from the Central American Integration System (SICA) and CARICOM, with which the 1540 Committee has established close cooperation. They explained to the audience the advantages to be part of the process and the relation with participating donors.",
        "Japan, Finland, Canada and the USA gave the audience the information related to their own assistance offered to Latin America and other regions as well as the implications of the international community''s efforts to properly implement resolution 1540. In particular the representative of the USA explained the objectives of the 1540 resolution and the commitment of the International community to assist countries in their national implementation process",
        "Representatives of different International Organizations focused their presentations on the role of their entities.",
        "The bilateral segment was an interactive forum to address different international organizations participants for consultations, dialogues and possible assistance to enhance their internal legislative system, control export measures, and possible trainings related to WMD proliferation prevention."
      ]
    },
    {
      "number": 4,
      "title": "Additional comments",
      "kind": "comments",
      "items": [],
      "paragraphs": [
        "For further information, please contact the 1540 Committee experts by e-mail at 1540experts@un.org."
      ]
    }
  ],
  "footnotes": [
    {
      "marker": "1",
      "text": "For information – not an official report. The views expressed here do not necessarily represent those of the 1540 Committee or of the organizers or participants in the event."
    }
  ],
  "contacts": [
    {
      "type": "email",
      "value": "1540experts@un.org"
    }
  ],
  "extra": []
}
');
INSERT INTO versions (id, note_id, number, sha256, source_path, loaded_at, record) VALUES (2, '2014-12-29-national-workshop-on-the-development-of-a-voluntary-national-implementation', 1, '8c9892a8c344aa3dd6fdb8b0800a418572cdae87a06c6ec6f4cee49fb50e5247', 'input/2014-manama.md', '2025-01-15T09:30:00.000Z', '{
  "schemaVersion": 3,
  "id": "2014-12-29-national-workshop-on-the-development-of-a-voluntary-national-implementation",
  "source": {
    "path": "input/2014-manama.md",
    "sha256": "8c9892a8c344aa3dd6fdb8b0800a418572cdae87a06c6ec6f4cee49fb50e5247",
    "encoding": "utf-8"
  },
  "language": "en",
  "title": "Information Note",
  "event": {
    "name": "National Workshop on the Development of a Voluntary National Implementation Action Plan for Resolution 1540 (2004)",
    "dates": {
      "text": "29 December 2014 – 2 January 2015",
      "start": "2014-12-29",
      "end": "2015-01-02"
    },
    "venue": {
      "text": "Manama, Bahrain",
      "city": "Manama",
      "country": "Bahrain",
      "countryCode": "BH"
    },
    "organizers": [
      {
        "name": "Government of the Kingdom of Bahrain"
      },
      {
        "name": "Gulf Cooperation Council",
        "acronym": "GCC",
        "org": "gcc"
      },
      {
        "name": "UN Office for Disarmament Affairs",
        "acronym": "UNODA",
        "org": "unoda"
      }
    ]
  },
  "participants": [
    {
      "category": "states",
      "label": "States",
      "entries": [
        {
          "name": "Bahrain",
          "countryCode": "BH"
        },
        {
          "name": "Kuwait",
          "countryCode": "KW"
        },
        {
          "name": "Oman",
          "countryCode": "OM"
        },
        {
          "name": "Qatar",
          "countryCode": "QA"
        },
        {
          "name": "Saudi Arabia",
          "countryCode": "SA"
        },
        {
          "name": "United Arab Emirates",
          "countryCode": "AE"
        }
      ]
    },
    {
      "category": "internationalOrganizations",
      "label": "International organizations",
      "entries": [
        {
          "name": "GCC Secretariat"
        },
        {
          "name": "IAEA",
          "acronym": "IAEA",
          "org": "iaea"
        },
        {
          "name": "OPCW",
          "acronym": "OPCW",
          "org": "opcw"
        },
        {
          "name": "World Customs Organization",
          "acronym": "WCO",
          "org": "wco"
        }
      ]
    },
    {
      "category": "civilSociety",
      "label": "Civil society",
      "entries": []
    }
  ],
  "sections": [
    {
      "number": 1,
      "title": "Objectives",
      "kind": "objectives",
      "items": [
        {
          "text": "Assist Bahrain in drafting its voluntary national implementation action plan;"
        },
        {
          "text": "Share the experience of other GCC States that have adopted national action plans."
        }
      ],
      "paragraphs": []
    },
    {
      "number": 2,
      "title": "Highlights",
      "kind": "highlights",
      "items": [],
      "paragraphs": [
        "The national authorities presented the inter-agency committee created in 2014 to coordinate the implementation of resolution 1540 (2004).",
        "The experts of the 1540 Committee reviewed the draft action plan with the committee, chapter by chapter, and proposed priorities for the coming year."
      ]
    },
    {
      "number": 3,
      "title": "Next steps",
      "kind": "other",
      "items": [
        {
          "text": "The Government of Bahrain will submit the action plan to the Committee in 2015."
        },
        {
          "text": "The GCC Secretariat offered to host a follow-up meeting for all GCC States."
        }
      ],
      "paragraphs": [
        "More information is available on the 1540 Committee website or from 1540experts@un.org."
      ]
    }
  ],
  "footnotes": [
    {
      "marker": "1",
      "text": "For information – not an official report. The views expressed here do not necessarily represent those of the 1540 Committee or of the organizers or participants in the event."
    }
  ],
  "contacts": [
    {
      "type": "url",
      "value": "https://www.un.org/en/sc/1540/"
    },
    {
      "type": "email",
      "value": "1540experts@un.org"
    }
  ],
  "extra": []
}
');
INSERT INTO events (note_id, name, language, title, dates_text, start_date, end_date, venue_text, place, city, country, country_code, venue_detail) VALUES ('2012-03-12-seminar-for-the-andean-community-states-united-nations-security-council', 'Seminar for the Andean Community States: United Nations Security Council Resolution 1540', 'en', 'Information Note', '12-14 March 2012', '2012-03-12', '2012-03-14', 'Bogota, Colombia', NULL, 'Bogota', 'Colombia', 'CO', NULL);
INSERT INTO events (note_id, name, language, title, dates_text, start_date, end_date, venue_text, place, city, country, country_code, venue_detail) VALUES ('2014-12-29-national-workshop-on-the-development-of-a-voluntary-national-implementation', 'National Workshop on the Development of a Voluntary National Implementation Action Plan for Resolution 1540 (2004)', 'en', 'Information Note', '29 December 2014 – 2 January 2015', '2014-12-29', '2015-01-02', 'Manama, Bahrain', NULL, 'Manama', 'Bahrain', 'BH', NULL);
INSERT INTO organizers (note_id, position, name, acronym, org, role) VALUES ('2012-03-12-seminar-for-the-andean-community-states-united-nations-security-council', 0, 'Government of Colombia', NULL, NULL, NULL);
INSERT INTO organizers (note_id, position, name, acronym, org, role) VALUES ('2012-03-12-seminar-for-the-andean-community-states-united-nations-security-council', 1, 'Stimson Centre', NULL, NULL, NULL);
INSERT INTO organizers (note_id, position, name, acronym, org, role) VALUES ('2012-03-12-seminar-for-the-andean-community-states-united-nations-security-council', 2, 'Stanley Foundation', NULL, 'stanley-center', NULL);
INSERT INTO organizers (note_id, position, name, acronym, org, role) VALUES ('2012-03-12-seminar-for-the-andean-community-states-united-nations-security-council', 3, 'Office of the Assistant Secretary General of the Organization of American States', 'OAS', 'oas', NULL);
INSERT INTO organizers (note_id, position, name, acronym, org, role) VALUES ('2012-03-12-seminar-for-the-andean-community-states-united-nations-security-council', 4, 'UN Office of Disarmament Affairs', NULL, NULL, NULL);
INSERT INTO organizers (note_id, position, name, acronym, org, role) VALUES ('2014-12-29-national-workshop-on-the-development-of-a-voluntary-national-implementation', 0, 'Government of the Kingdom of Bahrain', NULL, NULL, NULL);
INSERT INTO organizers (note_id, position, name, acronym, org, role) VALUES ('2014-12-29-national-workshop-on-the-development-of-a-voluntary-national-implementation', 1, 'Gulf Cooperation Council', 'GCC', 'gcc', NULL);
INSERT INTO organizers (note_id, position, name, acronym, org, role) VALUES ('2014-12-29-national-workshop-on-the-development-of-a-voluntary-national-implementation', 2, 'UN Office for Disarmament Affairs', 'UNODA', 'unoda', NULL);
INSERT INTO participants (note_id, position, category, label, name, country_code, state_group, acronym, org, role) VALUES ('2012-03-12-seminar-for-the-andean-community-states-united-nations-security-council', 0, 'states', 'States', 'Bolivia', 'BO', 'Member States of the Andean Community', NULL, NULL, NULL);
INSERT INTO participants (note_id, position, category, label, name, country_code, state_group, acronym, org, role) VALUES ('2012-03-12-seminar-for-the-andean-community-states-united-nations-security-council', 1, 'states', 'States', 'Colombia', 'CO', 'Member States of the Andean Community', NULL, NULL, NULL);
INSERT INTO participants (note_id, position, category, label, name, country_code, state_group, acronym, org, role) VALUES ('2012-03-12-seminar-for-the-andean-community-states-united-nations-security-council', 2, 'states', 'States', 'Ecuador', 'EC', 'Member States of the Andean Community', NULL, NULL, NULL);
INSERT INTO participants (note_id, position, category, label, name, country_code, state_group, acronym, org, role) VALUES ('2012-03-12-seminar-for-the-andean-community-states-united-nations-security-council', 3, 'states', 'States', 'Peru', 'PE', 'Member States of the Andean Community', NULL, NULL, NULL);
INSERT INTO participants (note_id, position, category, label, name, country_code, state_group, acronym, org, role) VALUES ('2012-03-12-seminar-for-the-andean-community-states-united-nations-security-council', 4, 'states', 'States', 'Canada', 'CA', NULL, NULL, NULL, NULL);
INSERT INTO participants (note_id, position, category, label, name, country_code, state_group, acronym, org, role) VALUES ('2012-03-12-seminar-for-the-andean-community-states-united-nations-security-council', 5, 'states', 'States', 'Finland', 'FI', NULL, NULL, NULL, NULL);
INSERT INTO participants (note_id, position, category, label, name, country_code, state_group, acronym, org, role) VALUES ('2012-03-12-seminar-for-the-andean-community-states-united-nations-security-council', 6, 'states', 'States', 'Japan', 'JP', NULL, NULL, NULL, NULL);
INSERT INTO participants (note_id, position, category, label, name, country_code, state_group, acronym, org, role) VALUES ('2012-03-12-seminar-for-the-andean-community-states-united-nations-security-council', 7, 'states', 'States', 'USA', 'US', NULL, NULL, NULL, NULL);
INSERT INTO participants (note_id, position, category, label, name, country_code, state_group, acronym, org, role) VALUES ('2012-03-12-seminar-for-the-andean-community-states-united-nations-security-council', 8, 'internationalOrganizations', 'International organizations', 'Secretariat of the Andean Community', NULL, NULL, NULL, NULL, NULL);
INSERT INTO participants (note_id, position, category, label, name, country_code, state_group, acronym, org, role) VALUES ('2012-03-12-seminar-for-the-andean-community-states-united-nations-security-council', 9, 'internationalOrganizations', 'International organizations', 'CARICOM', NULL, NULL, 'CARICOM', 'caricom', NULL);
INSERT INTO participants (note_id, position, category, label, name, country_code, state_group, acronym, org, role) VALUES ('2012-03-12-seminar-for-the-andean-community-states-united-nations-security-council', 10, 'internationalOrganizations', 'International organizations', 'CWC', NULL, NULL, NULL, NULL, NULL);
INSERT INTO participants (note_id, position, category, label, name, country_code, state_group, acronym, org, role) VALUES ('2012-03-12-seminar-for-the-andean-community-states-united-nations-security-council', 11, 'internationalOrganizations', 'International organizations', 'IAEA', NULL, NULL, 'IAEA', 'iaea', NULL);
INSERT INTO participants (note_id, position, category, label, name, country_code, state_group, acronym, org, role) VALUES ('2012-03-12-seminar-for-the-andean-community-states-united-nations-security-council', 12, 'internationalOrganizations', 'International organizations', 'OAS', NULL, NULL, 'OAS', 'oas', NULL);
INSERT INTO participants (note_id, position, category, label, name, country_code, state_group, acronym, org, role) VALUES ('2012-03-12-seminar-for-the-andean-community-states-united-nations-security-council', 13, 'internationalOrganizations', 'International organizations', 'SICA', NULL, NULL, 'SICA', 'sica', NULL);
INSERT INTO participants (note_id, position, category, label, name, country_code, state_group, acronym, org, role) VALUES ('2012-03-12-seminar-for-the-andean-community-states-united-nations-security-council', 14, 'internationalOrganizations', 'International organizations', 'UNODC', NULL, NULL, 'UNODC', 'unodc', NULL);
INSERT INTO participants (note_id, position, category, label, name, country_code, state_group, acronym, org, role) VALUES ('2012-03-12-seminar-for-the-andean-community-states-united-nations-security-council', 15, 'civilSociety', 'Civil society including the private sector', 'Securus Strategic Trade Solutions LLC', NULL, NULL, NULL, NULL, NULL);
INSERT INTO participants (note_id, position, category, label, name, country_code, state_group, acronym, org, role) VALUES ('2012-03-12-seminar-for-the-andean-community-states-united-nations-security-council', 16, 'civilSociety', 'Civil society including the private sector', 'Stanley Foundation', NULL, NULL, NULL, 'stanley-center', NULL);
INSERT INTO participants (note_id, position, category, label, name, country_code, state_group, acronym, org, role) VALUES ('2012-03-12-seminar-for-the-andean-community-states-united-nations-security-council', 17, 'civilSociety', 'Civil society including the private sector', 'Stimson Center', NULL, NULL, NULL, 'stimson-center', NULL);
INSERT INTO participants (note_id, position, category, label, name, country_code, state_group, acronym, org, role) VALUES ('2012-03-12-seminar-for-the-andean-community-states-united-nations-security-council', 18, 'civilSociety', 'Civil society including the private sector', 'VERTIC', NULL, NULL, 'VERTIC', 'vertic', NULL);
INSERT INTO participants (note_id, position, category, label, name, country_code, state_group, acronym, org, role) VALUES ('2014-12-29-national-workshop-on-the-development-of-a-voluntary-national-implementation', 0, 'states', 'States', 'Bahrain', 'BH', NULL, NULL, NULL, NULL);
INSERT INTO participants (note_id, position, category, label, name, country_code, state_group, acronym, org, role) VALUES ('2014-12-29-national-workshop-on-the-development-of-a-voluntary-national-implementation', 1, 'states', 'States', 'Kuwait', 'KW', NULL, NULL, NULL, NULL);
INSERT INTO participants (note_id, position, category, label, name, country_code, state_group, acronym, org, role) VALUES ('2014-12-29-national-workshop-on-the-development-of-a-voluntary-national-implementation', 2, 'states', 'States', 'Oman', 'OM', NULL, NULL, NULL, NULL);
INSERT INTO participants (note_id, position, category, label, name, country_code, state_group, acronym, org, role) VALUES ('2014-12-29-national-workshop-on-the-development-of-a-voluntary-national-implementation', 3, 'states', 'States', 'Qatar', 'QA', NULL, NULL, NULL, NULL);
INSERT INTO participants (note_id, position, category, label, name, country_code, state_group, acronym, org, role) VALUES ('2014-12-29-national-workshop-on-the-development-of-a-voluntary-national-implementation', 4, 'states', 'States', 'Saudi Arabia', 'SA', NULL, NULL, NULL, NULL);
INSERT INTO participants (note_id, position, category, label, name, country_code, state_group, acronym, org, role) VALUES ('2014-12-29-national-workshop-on-the-development-of-a-voluntary-national-implementation', 5, 'states', 'States', 'United Arab Emirates', 'AE', NULL, NULL, NULL, NULL);
INSERT INTO participants (note_id, position, category, label, name, country_code, state_group, acronym, org, role) VALUES ('2014-12-29-national-workshop-on-the-development-of-a-voluntary-national-implementation', 6, 'internationalOrganizations', 'International organizations', 'GCC Secretariat', NULL, NULL, NULL, NULL, NULL);
INSERT INTO participants (note_id, position, category, label, name, country_code, state_group, acronym, org, role) VALUES ('2014-12-29-national-workshop-on-the-development-of-a-voluntary-national-implementation', 7, 'internationalOrganizations', 'International organizations', 'IAEA', NULL, NULL, 'IAEA', 'iaea', NULL);
INSERT INTO participants (note_id, position, category, label, name, country_code, state_group, acronym, org, role) VALUES ('2014-12-29-national-workshop-on-the-development-of-a-voluntary-national-implementation', 8, 'internationalOrganizations', 'International organizations', 'OPCW', NULL, NULL, 'OPCW', 'opcw', NULL);
INSERT INTO participants (note_id, position, category, label, name, country_code, state_group, acronym, org, role) VALUES ('2014-12-29-national-workshop-on-the-development-of-a-voluntary-national-implementation', 9, 'internationalOrganizations', 'International organizations', 'World Customs Organization', NULL, NULL, 'WCO', 'wco', NULL);
INSERT INTO sections (note_id, position, number, title, kind, text) VALUES ('2012-03-12-seminar-for-the-andean-community-states-united-nations-security-council', 0, 1, 'Objectives for a 1540 Committee expert participation', 'objectives', 'Raise awareness among the represented States of the importance of resolution 1540 and its full implementation;
Explain resolution 1540 (2004) requirements;
Identify obstacles and challenges in the adoption of national legislation and the need for assistance to alleviate any lack of capacity to implement the resolution;
Explore the potential of a sub-regional approach;
Follow up on previous discussions with the Andean Community States, to obtain help from the 1540 Committee regarding the inclusion of elements of the resolution into developments to be undertaken by the Community.');
INSERT INTO sections (note_id, position, number, title, kind, text) VALUES ('2012-03-12-seminar-for-the-andean-community-states-united-nations-security-council', 1, 2, 'Background', 'background', 'Encouraged by the success experienced by the CARICOM and SICA model in using a coordinator on the implementation of resolution 1540, the Seminar could prove helpful in the organization of an additional Seminar to seek similar coordination possibilities for the Andean Community region.
The agenda was arranged in such a manner to allow discussion derived from introductory remarks made by the host country, the 1540 Committee expert and the representative of the OAS.');
INSERT INTO sections (note_id, position, number, title, kind, text) VALUES ('2012-03-12-seminar-for-the-andean-community-states-united-nations-security-council', 2, 3, 'Highlights', 'highlights', 'The workshop stressed that the Andean Community could encourage a regional approach to develop a better solution in facing security threats through joint efforts by member States.
Such goal would involve the development of plans for the implementation of the obligations of States through effective measures capable of preventing the proliferation of weapons of mass destruction as well as other measures that can help states to build a barrier against threats to security in a context of a sub regional organization.
The possibility of having the Andean Community as a focal point within the region could be useful to identify common needs and access to technical assistance requirements as well as available resources for addressing security threats in the region.
The Andean Community event provided an opportunity for States to renew their commitment to the non-proliferation of weapons of mass destruction (WMD) and their means of delivery and opened a new approach for sub-regional organizations to help States meet their commitment to control WMD-related materials including penalties for violations.
Additionally the Andean Community States will not only carry further the implementation of Resolution 1540, but will also build capacity in other security issues and economic development areas, including small arms and drug trafficking, that are higher priority challenges in the region
The significance of the role of the sub-regional organizations for the implementation of resolution 1540 was underscored by the participants from the Central American Integration System (SICA) and CARICOM, with which the 1540 Committee has established close cooperation. They explained to the audience the advantages to be part of the process and the relation with participating donors.
Japan, Finland, Canada and the USA gave the audience the information related to their own assistance offered to Latin America and other regions as well as the implications of the international community''s efforts to properly implement resolution 1540. In particular the representative of the USA explained the objectives of the 1540 resolution and the commitment of the International community to assist countries in their national implementation process
Representatives of different International Organizations focused their presentations on the role of their entities.
The bilateral segment was an interactive forum to address different international organizations participants for consultations, dialogues and possible assistance to enhance their internal legislative system, control export measures, and possible trainings related to WMD proliferation prevention.');
INSERT INTO sections (note_id, position, number, title, kind, text) VALUES ('2012-03-12-seminar-for-the-andean-community-states-united-nations-security-council', 3, 4, 'Additional comments', 'comments', 'For further information, please contact the 1540 Committee experts by e-mail at 1540experts@un.org.');
INSERT INTO sections (note_id, position, number, title, kind, text) VALUES ('2014-12-29-national-workshop-on-the-development-of-a-voluntary-national-implementation', 0, 1, 'Objectives', 'objectives', 'Assist Bahrain in drafting its voluntary national implementation action plan;
Share the experience of other GCC States that have adopted national action plans.');
INSERT INTO sections (note_id, position, number, title, kind, text) VALUES ('2014-12-29-national-workshop-on-the-development-of-a-voluntary-national-implementation', 1, 2, 'Highlights', 'highlights', 'The national authorities presented the inter-agency committee created in 2014 to coordinate the implementation of resolution 1540 (2004).
The experts of the 1540 Committee reviewed the draft action plan with the committee, chapter by chapter, and proposed priorities for the coming year.');
INSERT INTO sections (note_id, position, number, title, kind, text) VALUES ('2014-12-29-national-workshop-on-the-development-of-a-voluntary-national-implementation', 2, 3, 'Next steps', 'other', 'The Government of Bahrain will submit the action plan to the Committee in 2015.
The GCC Secretariat offered to host a follow-up meeting for all GCC States.
More information is available on the 1540 Committee website or from 1540experts@un.org.');
INSERT INTO footnotes (note_id, position, marker, text) VALUES ('2012-03-12-seminar-for-the-andean-community-states-united-nations-security-council', 0, '1', 'For information – not an official report. The views expressed here do not necessarily represent those of the 1540 Committee or of the organizers or participants in the event.');
INSERT INTO footnotes (note_id, position, marker, text) VALUES ('2014-12-29-national-workshop-on-the-development-of-a-voluntary-national-implementation', 0, '1', 'For information – not an official report. The views expressed here do not necessarily represent those of the 1540 Committee or of the organizers or participants in the event.');
INSERT INTO contacts (note_id, position, type, value) VALUES ('2012-03-12-seminar-for-the-andean-community-states-united-nations-security-council', 0, 'email', '1540experts@un.org');
INSERT INTO contacts (note_id, position, type, value) VALUES ('2014-12-29-national-workshop-on-the-development-of-a-voluntary-national-implementation', 0, 'url', 'https://www.un.org/en/sc/1540/');
INSERT INTO contacts (note_id, position, type, value) VALUES ('2014-12-29-national-workshop-on-the-development-of-a-voluntary-national-implementation', 1, 'email', '1540experts@un.org');
INSERT INTO search (rowid, name, sections, organizers, participants) VALUES (1, 'Seminar for the Andean Community States: United Nations Security Council Resolution 1540', 'Objectives for a 1540 Committee expert participation
Raise awareness among the represented States of the importance of resolution 1540 and its full implementation;
Explain resolution 1540 (2004) requirements;
Identify obstacles and challenges in the adoption of national legislation and the need for assistance to alleviate any lack of capacity to implement the resolution;
Explore the potential of a sub-regional approach;
Follow up on previous discussions with the Andean Community States, to obtain help from the 1540 Committee regarding the inclusion of elements of the resolution into developments to be undertaken by the Community.
Background
Encouraged by the success experienced by the CARICOM and SICA model in using a coordinator on the implementation of resolution 1540, the Seminar could prove helpful in the organization of an additional Seminar to seek similar coordination possibilities for the Andean Community region.
The agenda was arranged in such a manner to allow discussion derived from introductory remarks made by the host country, the 1540 Committee expert and the representative of the OAS.
Highlights
The workshop stressed that the Andean Community could encourage a regional approach to develop a better solution in facing security threats through joint efforts by member States.
Such goal would involve the development of plans for the implementation of the obligations of States through effective measures capable of preventing the proliferation of weapons of mass destruction as well as other measures that can help states to build a barrier against threats to security in a context of a sub regional organization.
The possibility of having the Andean Community as a focal point within the region could be useful to identify common needs and access to technical assistance requirements as well as available resources for addressing security threats in the region.
The Andean Community event provided an opportunity for States to renew their commitment to the non-proliferation of weapons of mass destruction (WMD) and their means of delivery and opened a new approach for sub-regional organizations to help States meet their commitment to control WMD-related materials including penalties for violations.
Additionally the Andean Community States will not only carry further the implementation of Resolution 1540, but will also build capacity in other security issues and economic development areas, including small arms and drug trafficking, that are higher priority challenges in the region
The significance of the role of the sub-regional organizations for the implementation of resolution 1540 was underscored by the participants from the Central American Integration System (SICA) and CARICOM, with which the 1540 Committee has established close cooperation. They explained to the audience the advantages to be part of the process and the relation with participating donors.
Japan, Finland, Canada and the USA gave the audience the information related to their own assistance offered to Latin America and other regions as well as the implications of the international community''s efforts to properly implement resolution 1540. In particular the representative of the USA explained the objectives of the 1540 resolution and the commitment of the International community to assist countries in their national implementation process
Representatives of different International Organizations focused their presentations on the role of their entities.
The bilateral segment was an interactive forum to address different international organizations participants for consultations, dialogues and possible assistance to enhance their internal legislative system, control export measures, and possible trainings related to WMD proliferation prevention.
Additional comments
For further information, please contact the 1540 Committee experts by e-mail at 1540experts@un.org.', 'Government of Colombia; Stimson Centre; Stanley Foundation; Office of the Assistant Secretary General of the Organization of American States (OAS); UN Office of Disarmament Affairs', 'Bolivia; Colombia; Ecuador; Peru; Canada; Finland; Japan; USA; Secretariat of the Andean Community; CARICOM; CWC; IAEA; OAS; SICA; UNODC; Securus Strategic Trade Solutions LLC; Stanley Foundation; Stimson Center; VERTIC');
INSERT INTO search (rowid, name, sections, organizers, participants) VALUES (2, 'National Workshop on the Development of a Voluntary National Implementation Action Plan for Resolution 1540 (2004)', 'Objectives
Assist Bahrain in drafting its voluntary national implementation action plan;
Share the experience of other GCC States that have adopted national action plans.
Highlights
The national authorities presented the inter-agency committee created in 2014 to coordinate the implementation of resolution 1540 (2004).
The experts of the 1540 Committee reviewed the draft action plan with the committee, chapter by chapter, and proposed priorities for the coming year.
Next steps
The Government of Bahrain will submit the action plan to the Committee in 2015.
The GCC Secretariat offered to host a follow-up meeting for all GCC States.
More information is available on the 1540 Committee website or from 1540experts@un.org.', 'Government of the Kingdom of Bahrain; Gulf Cooperation Council (GCC); UN Office for Disarmament Affairs (UNODA)', 'Bahrain; Kuwait; Oman; Qatar; Saudi Arabia; United Arab Emirates; GCC Secretariat; IAEA; OPCW; World Customs Organization (WCO)');
COMMIT;
