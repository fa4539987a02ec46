/** The two IPC channels between preload and main. */
export const CALL_CHANNEL = 'timetray:call';
export const CHANGE_CHANNEL = 'timetray:change';
