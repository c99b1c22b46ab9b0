import { Type, type Static } from 'typebox';

export const StaffRole = Type.Union([Type.Literal('admin'), Type.Literal('marketer'), Type.Literal('staff')]);
export type StaffRole = Static<typeof StaffRole>;

export const StaffUser = Type.Object({ id: Type.String(), username: Type.String(), role: StaffRole });
export type StaffUser = Static<typeof StaffUser>;

export const LoginRequest = Type.Object(
  { username: Type.String({ minLength: 1, maxLength: 64 }), password: Type.String({ minLength: 1, maxLength: 256 }) },
  { additionalProperties: false },
);
export type LoginRequest = Static<typeof LoginRequest>;

/** The console sends the token as `Authorization: Bearer <token>`. */
export const LoginResponse = Type.Object({ token: Type.String(), expiresAt: Type.String(), user: StaffUser });
export type LoginResponse = Static<typeof LoginResponse>;
