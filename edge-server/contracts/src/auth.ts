import { Type, type Static } from 'typebox';

export const StaffRole = Type.Union([Type.Literal('admin'), Type.Literal('marketer'), Type.Literal('staff')]);
export type StaffRole = Static<typeof StaffRole>;

/**
 * The signed-in staff member. `mustChangePassword`: the account was given a temporary password
 * (created or reset by an admin); until it sets its own, every route but `me`, `logout` and
 * `changePassword` answers VITRINA_ERR_PASSWORD_CHANGE_REQUIRED.
 */
export const StaffUser = Type.Object({
  id: Type.String(),
  username: Type.String(),
  role: StaffRole,
  displayName: Type.Optional(Type.String()),
  mustChangePassword: Type.Optional(Type.Boolean()),
});
export type StaffUser = Static<typeof StaffUser>;

export const LoginRequest = Type.Object(
  { username: Type.String({ minLength: 1, maxLength: 64 }), password: Type.String({ minLength: 1, maxLength: 256 }) },
  { additionalProperties: false },
);
export type LoginRequest = Static<typeof LoginRequest>;

/**
 * The console sends the token as `Authorization: Bearer <token>`. `expiresAt` is the absolute
 * end of the session; it also ends after `idleMinutes` without a request.
 */
export const LoginResponse = Type.Object({ token: Type.String(), expiresAt: Type.String(), idleMinutes: Type.Optional(Type.Integer()), user: StaffUser });
export type LoginResponse = Static<typeof LoginResponse>;

/** The password rules, checked by the server (VITRINA_ERR_PASSWORD_WEAK) and shown by the console. */
export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 256;

/** A new password: at least 12 characters, not the username, not a common password. */
export const NewPassword = Type.String({ minLength: 1, maxLength: PASSWORD_MAX_LENGTH });

export const ChangePasswordRequest = Type.Object(
  { currentPassword: Type.String({ minLength: 1, maxLength: PASSWORD_MAX_LENGTH }), newPassword: NewPassword },
  { additionalProperties: false },
);
export type ChangePasswordRequest = Static<typeof ChangePasswordRequest>;

/** A staff account as admins manage it. */
export const StaffAccount = Type.Object({
  id: Type.String(),
  username: Type.String(),
  displayName: Type.String(),
  role: StaffRole,
  disabled: Type.Boolean(),
  mustChangePassword: Type.Boolean(),
  createdAt: Type.String(),
  updatedAt: Type.String(),
  passwordChangedAt: Type.String(),
});
export type StaffAccount = Static<typeof StaffAccount>;

/** Letters, digits and . _ - (no e-mail addresses: usernames appear in the audit log as they are). */
export const Username = Type.String({ minLength: 2, maxLength: 64, pattern: '^[A-Za-z0-9][A-Za-z0-9._-]*$' });
export const DisplayName = Type.String({ maxLength: 80 });

/**
 * A new account. Without `temporaryPassword` the server generates one and answers it, once.
 * Either way the user must set their own at first sign-in.
 */
export const CreateStaffRequest = Type.Object(
  { username: Username, displayName: Type.Optional(DisplayName), role: StaffRole, temporaryPassword: Type.Optional(NewPassword) },
  { additionalProperties: false },
);
export type CreateStaffRequest = Static<typeof CreateStaffRequest>;

export const UpdateStaffRequest = Type.Object(
  { displayName: Type.Optional(DisplayName), role: Type.Optional(StaffRole) },
  { additionalProperties: false, minProperties: 1 },
);
export type UpdateStaffRequest = Static<typeof UpdateStaffRequest>;

export const SetStaffDisabledRequest = Type.Object({ disabled: Type.Boolean() }, { additionalProperties: false });
export type SetStaffDisabledRequest = Static<typeof SetStaffDisabledRequest>;

export const ResetStaffPasswordRequest = Type.Object({ temporaryPassword: Type.Optional(NewPassword) }, { additionalProperties: false });
export type ResetStaffPasswordRequest = Static<typeof ResetStaffPasswordRequest>;

/** The account and, once, the temporary password (the one the admin chose, or a generated one). */
export const StaffWithTemporaryPassword = Type.Object({ user: StaffAccount, temporaryPassword: Type.String() });
export type StaffWithTemporaryPassword = Static<typeof StaffWithTemporaryPassword>;
