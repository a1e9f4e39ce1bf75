import { createActions, DEFAULT_SETTINGS, indexActions } from "@account360/core";

/** The registry as the server builds it with default settings. */
export const actionIndex = indexActions(createActions(DEFAULT_SETTINGS));

/** Every callAction name (legacy names included) with the schema its Data is validated by. */
export const actions = actionIndex.all.flatMap((action) =>
  [action.name, ...action.legacyNames].map((name) => ({
    name,
    schema: action.input,
    kind: action.kind,
    tag: action.tag,
    legacyOf: name === action.name ? null : action.name,
  })),
);
