// MUI's styling (emotion, its default theme built at load): a stage of main.tsx, evaluated in a task of its own.
export { createTheme } from '@mui/material/styles';
