import '@testing-library/jest-dom';

// jsdom has no Web Animations API; Designsystemet's Spinner synchronises its animation with it.
if (typeof document.getAnimations !== 'function') {
  document.getAnimations = () => [];
}
